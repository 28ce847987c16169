package io.venuekit.server.asset;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        for (GridFSFile file : bucket.find(eq("filename", assetId + "/" + name))) {
            bucket.delete(file.getId());
        }
    }

    private void put(String filename, String assetId, String kind, byte[] bytes) {
        if (bucket.find(eq("filename", filename)).first() != null) {
            return;
        }
        bucket.uploadFromStream(filename, new ByteArrayInputStream(bytes), new GridFSUploadOptions()
                .metadata(new Document("assetId", assetId).append("kind", kind)));
    }

    private Optional<byte[]> read(String filename) {
        GridFSFile file = bucket.find(eq("filename", filename)).first();
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
