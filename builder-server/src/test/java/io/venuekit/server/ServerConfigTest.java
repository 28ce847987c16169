package io.venuekit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheDocumentedDefaults() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of());
        assertEquals(8080, c.port());
        assertEquals(Path.of("data"), c.dataDir());
        assertNull(c.mongoUri());
        assertEquals(Path.of("models"), c.modelsDir());
        assertTrue(c.seedSample());
        assertFalse(c.authTokens());
        assertTrue(c.warmUp(), "a server warms its asset pipeline up unless told not to");
    }

    @Test
    void readsTheSwitchesFromTheEnvironment() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of(
                "WARM_UP",
                "false",
                "AUTH",
                "tokens",
                "SEED_SAMPLE",
                "FALSE",
                "MONGO_URI",
                " ",
                "PORT",
                "9000",
                "EVENT_LOOPS",
                "3"));
        assertFalse(c.warmUp());
        assertTrue(c.authTokens());
        assertFalse(c.seedSample());
        assertNull(c.mongoUri(), "a blank MONGO_URI means the embedded database");
        assertEquals(9000, c.port());
        assertEquals(3, c.httpEventLoops());
    }

    @Test
    void readsTheOperatorsLinkPolicyAndDeviceTable() {
        ServerConfig c =
                ServerConfig.fromEnvironment(Map.of("LINK_POLICY", "/etc/vk/links.json", "TIER_DEVICES", "play.csv"));
        assertEquals(java.nio.file.Path.of("/etc/vk/links.json"), c.linkPolicy());
        assertEquals(java.nio.file.Path.of("play.csv"), c.tierDevices());
        ServerConfig none = ServerConfig.fromEnvironment(Map.of("LINK_POLICY", " "));
        assertNull(none.linkPolicy(), "blank means the bundled policy");
        assertNull(none.tierDevices());
    }

    @Test
    void testsRunWithoutTheWarmUpUnlessTheyAskForIt() {
        ServerConfig c = ServerConfig.forTests(Path.of("x"));
        assertFalse(c.warmUp());
        assertTrue(c.withWarmUp(true).warmUp());
    }
}
