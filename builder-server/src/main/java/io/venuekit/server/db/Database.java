package io.venuekit.server.db;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.Document;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB connection: to {@code MONGO_URI} when given, else to an {@link EmbeddedMongo}
 * started here. Either way the code above talks to it through the official driver.
 */
public final class Database implements AutoCloseable {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findAndModify", "createIndexes");

    private final MongoClient client;
    private final MongoDatabase db;
    private final EmbeddedMongo embedded;

    private Database(MongoClient client, MongoDatabase db, EmbeddedMongo embedded) {
        this.client = client;
        this.db = db;
        this.embedded = embedded;
    }

    public static Database connect(String mongoUri, Path dataDir, String databaseName) {
        EmbeddedMongo embedded = mongoUri == null ? EmbeddedMongo.start(dataDir) : null;
        String uri = embedded != null ? embedded.connectionString() : mongoUri;
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(embedded == null ? WriteConcern.MAJORITY.withJournal(true) : WriteConcern.ACKNOWLEDGED)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS));
        if (embedded != null) {
            settings.addCommandListener(new CommitOnWrite(embedded));
        }
        MongoClient client = MongoClients.create(settings.build());
        return new Database(client, client.getDatabase(databaseName), embedded);
    }

    public MongoDatabase db() {
        return db;
    }

    /** The embedded server's address, for a second instance to share it; null when not embedded. */
    public String embeddedConnectionString() {
        return embedded == null ? null : embedded.connectionString();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Round-trip time of a {@code ping} in milliseconds; throws when the database does not answer. */
    public double ping() {
        long start = System.nanoTime();
        db.runCommand(new Document("ping", 1));
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Commits the embedded store after each acknowledged write, before the caller sees the result. */
    private record CommitOnWrite(EmbeddedMongo embedded) implements CommandListener {
        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            if (WRITE_COMMANDS.contains(event.getCommandName())) {
                embedded.commit();
            }
        }
    }
}
