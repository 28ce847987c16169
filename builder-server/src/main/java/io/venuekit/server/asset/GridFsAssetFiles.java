package io.venuekit.server.asset;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoGridFSException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * Asset bytes in the {@code asset_files} GridFS bucket, named {@code <asset id>/original} and
 * {@code <asset id>/<variant name>}, with {@code asset_files.names} mapping each name to its file.
 */
public final class GridFsAssetFiles implements AssetFiles {

    private static final String BUCKET = "asset_files";
    /** The driver's default: 255 KiB. */
    private static final int CHUNK_SIZE = 255 * 1024;

    private final GridFSBucket bucket;
    private final MongoCollection<Document> filesCollection;
    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> names;

    public GridFsAssetFiles(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, BUCKET);
        this.filesCollection = db.getCollection(BUCKET + ".files");
        this.chunks = db.getCollection(BUCKET + ".chunks");
        this.names = db.getCollection(BUCKET + ".names");
        // The indexes the driver makes before its first upload; these files are written without it.
        io.venuekit.server.db.Database.ensure(db, "asset file indexes", () -> {
            chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
            filesCollection.createIndex(Indexes.ascending("filename", "uploadDate"));
        });
    }

    @Override
    public void putOriginal(String assetId, byte[] bytes) {
        put(assetId + "/original", assetId, "original", bytes);
    }

    @Override
    public Optional<byte[]> original(String assetId) {
        return read(assetId + "/original");
    }

    /** The files the asset does not have yet, in one {@link #insert}, then named. */
    @Override
    public void putVariants(String assetId, Map<String, byte[]> files) {
        Map<String, byte[]> byFilename = new LinkedHashMap<>();
        files.forEach((name, bytes) -> byFilename.put(assetId + "/" + name, bytes));
        names.find(in("_id", byFilename.keySet())).forEach(named -> byFilename.remove(named.getString("_id")));
        List<Document> newChunks = new ArrayList<>();
        List<Document> newFiles = new ArrayList<>();
        List<Document> newNames = new ArrayList<>();
        byFilename.forEach((filename, bytes) ->
                newNames.add(name(filename, add(filename, assetId, "variant", bytes, newChunks, newFiles))));
        insert(newChunks, newFiles);
        if (newNames.isEmpty()) {
            return;
        }
        try {
            names.insertMany(newNames, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A job that lost its claim late may have named some first: same names, same bytes.
            if (e.getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<byte[]> variant(String assetId, String name) {
        return read(assetId + "/" + name);
    }

    @Override
    public void deleteVariant(String assetId, String name) {
        String filename = assetId + "/" + name;
        Document named = names.findOneAndDelete(eq("_id", filename));
        if (named != null) {
            delete(new BsonObjectId(named.getObjectId("fileId")));
            return;
        }
        // stored before files were named, or by another GridFS client
        List<GridFSFile> files = new ArrayList<>();
        bucket.find(eq("filename", filename)).forEach(files::add);
        files.forEach(file -> delete(file.getId()));
    }

    /**
     * Stores a file once. Two requests storing the same name at once (the same bytes uploaded twice)
     * may both write; the first to name its copy wins and the other deletes its own.
     */
    private void put(String filename, String assetId, String kind, byte[] bytes) {
        if (names.find(eq("_id", filename)).first() != null) {
            return;
        }
        List<Document> newChunks = new ArrayList<>();
        List<Document> newFiles = new ArrayList<>();
        ObjectId id = add(filename, assetId, kind, bytes, newChunks, newFiles);
        insert(newChunks, newFiles);
        try {
            names.insertOne(name(filename, id));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            delete(new BsonObjectId(id));
        }
    }

    /**
     * One file's GridFS documents, laid out as the driver writes them: chunks of 255 KiB, then the
     * files entry; returns the file's id.
     */
    private static ObjectId add(
            String filename,
            String assetId,
            String kind,
            byte[] bytes,
            List<Document> newChunks,
            List<Document> newFiles) {
        ObjectId id = new ObjectId();
        for (int n = 0, at = 0; at < bytes.length; n++, at += CHUNK_SIZE) {
            byte[] piece = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + CHUNK_SIZE));
            newChunks.add(new Document("files_id", id).append("n", n).append("data", new Binary(piece)));
        }
        newFiles.add(new Document("_id", id)
                .append("length", (long) bytes.length)
                .append("chunkSize", CHUNK_SIZE)
                .append("uploadDate", new Date())
                .append("filename", filename)
                .append("metadata", new Document("assetId", assetId).append("kind", kind)));
        return id;
    }

    /**
     * A file's name, keyed by itself: found through the {@code _id} index, which every MongoDB, the
     * embedded one too, answers without a scan (GridFS's own filename index is one it ignores).
     */
    private static Document name(String filename, ObjectId fileId) {
        return new Document("_id", filename).append("fileId", fileId);
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

    /**
     * Deletes a file another request may have deleted first: its files entry, so that no reader
     * finds it any more, then each chunk by its whole key. The driver's own delete removes the
     * chunks by {@code files_id} alone, which the embedded server answers by reading every chunk.
     */
    private void delete(BsonValue id) {
        Document file = filesCollection.findOneAndDelete(eq("_id", id));
        if (file == null) {
            return; // the other request got there first
        }
        long length = file.get("length", Number.class).longValue();
        int chunkSize = file.get("chunkSize", Number.class).intValue();
        long count = chunkSize <= 0 ? 0 : (length + chunkSize - 1) / chunkSize;
        for (int n = 0; n < count; n++) {
            chunks.deleteOne(new Document("files_id", id).append("n", n));
        }
    }

    /**
     * Reads each chunk by its whole key ({@code files_id}, {@code n}), which the chunks' unique index
     * answers at once; the driver's own download asks for {@code files_id} alone, which the embedded
     * server (it ignores non-unique indexes) answers by reading every chunk stored.
     */
    private Optional<byte[]> read(String filename) {
        Document named = names.find(eq("_id", filename)).first();
        GridFSFile file = named == null
                ? null
                : bucket.find(eq("_id", named.getObjectId("fileId"))).first();
        if (file == null) {
            // stored before files were named, or by another GridFS client
            file = bucket.find(eq("filename", filename))
                    .sort(Sorts.ascending("uploadDate", "_id"))
                    .first();
        }
        if (file == null) {
            return Optional.empty();
        }
        long length = file.getLength();
        int chunkSize = file.getChunkSize();
        int count = (int) ((length + chunkSize - 1) / chunkSize);
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        for (int n = 0; n < count; n++) {
            // a plain document, not Filters.and: the embedded server uses an index only for the former
            Document chunk = chunks.find(new Document("files_id", file.getId()).append("n", n))
                    .first();
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
