package io.venuekit.server.auth;

import io.venuekit.server.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates users with their tokens and finds who a token belongs to. Blocking. */
public final class UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /**
     * Every user by token hash, in memory, so checking a request takes no database trip (and no
     * pause of the request on the event loop). {@link #refresh} picks up users made on other instances.
     */
    private final Map<String, User> byTokenHash = new ConcurrentHashMap<>();

    private final UserRepository repository;

    public UserService(UserRepository repository) {
        this.repository = repository;
        refresh();
    }

    /** Reloads the users from the database. Blocking. */
    public void refresh() {
        repository.tokenHashes().forEach(byTokenHash::put);
    }

    /** A new user and the token to give them (it is not kept). */
    public record Created(User user, String token) {}

    public Created create(String name, String role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest(
                    "bad-name",
                    "A user name is 1 to 64 lower-case letters, digits, dots, dashes or"
                            + " underscores, starting with a letter or digit; got "
                            + (name == null ? "none" : "\"" + name + "\"") + ".");
        }
        User.Role parsed = User.Role.parse(role);
        if (parsed == null) {
            throw ApiException.badRequest(
                    "bad-role",
                    "role must be \"operator\" or \"merchant\", got " + (role == null ? "none" : "\"" + role + "\"")
                            + ".");
        }
        String token = Tokens.fresh();
        User user = new User(name, parsed);
        String hash = Tokens.hash(token);
        if (!repository.insert(user, hash)) {
            throw new ApiException(409, "user-exists", "There is already a user called \"" + name + "\".");
        }
        byTokenHash.put(hash, user);
        return new Created(user, token);
    }

    /** Who the token belongs to; from memory, so safe on the event loop. */
    public Optional<User> byToken(String token) {
        return Optional.ofNullable(byTokenHash.get(Tokens.hash(token)));
    }

    /** Who the token belongs to, or a 401 the caller can act on. */
    public User authenticate(String token) {
        return byToken(token)
                .orElseThrow(() -> new ApiException(
                        401, "bad-token", "That token belongs to no user; ask an operator for a new one."));
    }

    public List<User> list() {
        return repository.list();
    }

    /**
     * On a first start with tokens on, makes the first operator, {@code admin}, and writes its
     * token to {@code tokenFile} (readable by the owner only) rather than to the log.
     */
    public void ensureOperator(Path tokenFile) {
        if (repository.anyOperator()) {
            return;
        }
        Created admin = create("admin", User.Role.OPERATOR.id());
        try {
            Files.createDirectories(tokenFile.toAbsolutePath().getParent());
            Files.writeString(tokenFile, admin.token() + "\n");
            try {
                Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions guard it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Made the first operator, admin; its API token is in {}", tokenFile.toAbsolutePath());
    }
}
