package io.venuekit.server.asset;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.MongoGridFSException;
import org.bson.BsonValue;
import org.bson.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Asset bytes in the {@code asset_files} GridFS bucket, named {@code <asset id>/original} and {@code <asset id>/<variant name>}. */
public final class GridFsAssetFiles implements AssetFiles {

    private final GridFSBucket bucket;

    public GridFsAssetFiles(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, "asset_files");
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
        bucket.uploadFromStream(filename, new ByteArrayInputStream(bytes), new GridFSUploadOptions()
                .metadata(new Document("assetId", assetId).append("kind", kind)));
        List<GridFSFile> copies = new ArrayList<>();
        bucket.find(eq("filename", filename)).sort(Sorts.ascending("uploadDate", "_id")).forEach(copies::add);
        copies.subList(Math.min(1, copies.size()), copies.size()).forEach(extra -> delete(extra.getId()));
    }

    /** Deletes a file another request may have deleted first. */
    private void delete(BsonValue id) {
        try {
            bucket.delete(id);
        } catch (MongoGridFSException e) {
            // already gone: the other request got there first
        }
    }

    private Optional<byte[]> read(String filename) {
        GridFSFile file = bucket.find(eq("filename", filename)).sort(Sorts.ascending("uploadDate", "_id")).first();
        if (file == null) {
            return Optional.empty();
        }
        try (GridFSDownloadStream in = bucket.openDownloadStream(file.getObjectId())) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + filename, e);
        }
    }
}
