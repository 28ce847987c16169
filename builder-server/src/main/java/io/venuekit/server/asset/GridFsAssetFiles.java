package io.venuekit.server.asset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Sorts;
import com.mongodb.MongoGridFSException;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** Asset bytes in the {@code asset_files} GridFS bucket, named {@code <asset id>/original} and {@code <asset id>/<variant name>}. */
public final class GridFsAssetFiles implements AssetFiles {

    private static final String BUCKET = "asset_files";
    /** The driver's default: 255 KiB. */
    private static final int CHUNK_SIZE = 255 * 1024;

    private final GridFSBucket bucket;
    private final MongoCollection<Document> filesCollection;
    private final MongoCollection<Document> chunks;

    public GridFsAssetFiles(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, BUCKET);
        this.filesCollection = db.getCollection(BUCKET + ".files");
        this.chunks = db.getCollection(BUCKET + ".chunks");
    }

    @Override
    public void putOriginal(String assetId, byte[] bytes) {
        put(assetId + "/original", assetId, "original", bytes);
    }

    @Override
    public Optional<byte[]> original(String assetId) {
        return read(assetId + "/original");
    }

    @Override
    public void putVariant(String assetId, String name, byte[] bytes) {
        put(assetId + "/" + name, assetId, "variant", bytes);
    }

    /**
     * One query for what the asset has, then the missing files in one {@link #insert}. Only the job
     * holding the asset's claim writes its variants, so {@link #put}'s check and clean-up are not needed.
     */
    @Override
    public void putVariants(String assetId, Map<String, byte[]> files) {
        Set<String> stored = new HashSet<>();
        bucket.find(eq("metadata.assetId", assetId)).forEach(f -> stored.add(f.getFilename()));
        List<Document> newChunks = new ArrayList<>();
        List<Document> newFiles = new ArrayList<>();
        files.forEach((name, bytes) -> {
            String filename = assetId + "/" + name;
            if (!stored.contains(filename)) {
                add(filename, assetId, "variant", bytes, newChunks, newFiles);
            }
        });
        insert(newChunks, newFiles);
    }

    @Override
    public Optional<byte[]> variant(String assetId, String name) {
        return read(assetId + "/" + name);
    }

    @Override
    public void deleteVariant(String assetId, String name) {
        List<GridFSFile> files = new ArrayList<>();
        bucket.find(eq("filename", assetId + "/" + name)).forEach(files::add);
        files.forEach(file -> delete(file.getId()));
    }

    /**
     * Stores a file once. Two requests storing the same name at once (the same bytes uploaded twice)
     * may both write; the later copies are then deleted, and readers take the oldest meanwhile.
     */
    private void put(String filename, String assetId, String kind, byte[] bytes) {
        if (bucket.find(eq("filename", filename)).first() != null) {
            return;
        }
        List<Document> newChunks = new ArrayList<>();
        List<Document> newFiles = new ArrayList<>();
        add(filename, assetId, kind, bytes, newChunks, newFiles);
        insert(newChunks, newFiles);
        List<GridFSFile> copies = new ArrayList<>();
        bucket.find(eq("filename", filename)).sort(Sorts.ascending("uploadDate", "_id")).forEach(copies::add);
        copies.subList(Math.min(1, copies.size()), copies.size()).forEach(extra -> delete(extra.getId()));
    }

    /** One file's GridFS documents, laid out as the driver writes them: chunks of 255 KiB, then the files entry. */
    private static void add(String filename, String assetId, String kind, byte[] bytes, List<Document> newChunks, List<Document> newFiles) {
        ObjectId id = new ObjectId();
        for (int n = 0, at = 0; at < bytes.length; n++, at += CHUNK_SIZE) {
            byte[] piece = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + CHUNK_SIZE));
            newChunks.add(new Document("files_id", id).append("n", n).append("data", new Binary(piece)));
        }
        newFiles.add(new Document("_id", id).append("length", (long) bytes.length).append("chunkSize", CHUNK_SIZE)
                .append("uploadDate", new Date()).append("filename", filename)
                .append("metadata", new Document("assetId", assetId).append("kind", kind)));
    }

    /** Chunks first, so that no reader finds a file without its bytes; two round trips however many files. */
    private void insert(List<Document> newChunks, List<Document> newFiles) {
        if (!newChunks.isEmpty()) {
            chunks.insertMany(newChunks);
        }
        if (!newFiles.isEmpty()) {
            filesCollection.insertMany(newFiles);
        }
    }

    /** Deletes a file another request may have deleted first. */
    private void delete(BsonValue id) {
        try {
            bucket.delete(id);
        } catch (MongoGridFSException e) {
            // already gone: the other request got there first
        }
    }

    /**
     * Reads each chunk by its whole key ({@code files_id}, {@code n}), which the chunks' unique index
     * answers at once; the driver's own download asks for {@code files_id} alone, which the embedded
     * server (it ignores non-unique indexes) answers by reading every chunk stored.
     */
    private Optional<byte[]> read(String filename) {
        GridFSFile file = bucket.find(eq("filename", filename)).sort(Sorts.ascending("uploadDate", "_id")).first();
        if (file == null) {
            return Optional.empty();
        }
        long length = file.getLength();
        int chunkSize = file.getChunkSize();
        int count = (int) ((length + chunkSize - 1) / chunkSize);
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        for (int n = 0; n < count; n++) {
            Document chunk = chunks.find(and(eq("files_id", file.getId()), eq("n", n))).first();
            Binary data = chunk == null ? null : chunk.get("data", Binary.class);
            if (data == null || at + data.length() > out.length) {
                throw new MongoGridFSException(filename + ": chunk " + n + " of " + count + " is missing or too long");
            }
            System.arraycopy(data.getData(), 0, out, at, data.length());
            at += data.length();
        }
        if (at != out.length) {
            throw new MongoGridFSException(filename + ": " + at + " of " + out.length + " bytes stored");
        }
        return Optional.of(out);
    }
}
