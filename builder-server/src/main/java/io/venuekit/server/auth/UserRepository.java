package io.venuekit.server.auth;

import java.util.List;
import java.util.Map;

/** The {@code users} collection: who may use the API, by the hash of their token. */
public interface UserRepository {

    /** Stores a new user; false when the name is taken. */
    boolean insert(User user, String tokenHash);

    /** Every user by the hash of their token. */
    Map<String, User> tokenHashes();

    List<User> list();

    boolean anyOperator();
}
