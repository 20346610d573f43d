package io.aigcwatch.gateway.access;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeySpecTest {
    private static final String SECRET = "aw_s3cr3t-Do-Not-Print";

    @Test
    void readsWhatTheLocalStackWritesWithEachKeysScopes() {
        List<KnownKey> keys = ApiKeySpec.parse(" aw_admin=read+write+admin , aw_reader=read,aw_writer=write+read ");

        assertEquals(3, keys.size());
        assertEquals(Set.of(Scope.READ, Scope.WRITE, Scope.ADMIN), keys.get(0).scopes());
        assertEquals(Set.of(Scope.READ), keys.get(1).scopes());
        assertEquals(Set.of(Scope.READ, Scope.WRITE), keys.get(2).scopes());
    }

    @Test
    void keepsOnlyTheHashAndGivesAStableIdThatIsNotTheKey() {
        KnownKey key = ApiKeySpec.parse(SECRET + "=read").get(0);
        String hex = HexFormat.of().formatHex(ApiKeySpec.sha256(SECRET));

        assertEquals(hex, HexFormat.of().formatHex(key.sha256()));
        assertEquals("key-" + hex.substring(0, 12), key.caller().id());
        assertFalse(key.caller().id().contains(SECRET));
    }

    @Test
    void aPreHashedEntryIsTheSameCallerAsItsKey() {
        String hex = HexFormat.of().formatHex(ApiKeySpec.sha256(SECRET));
        KnownKey hashed = ApiKeySpec.parse("sha256:" + hex.toUpperCase() + "=read+admin").get(0);

        assertEquals(ApiKeySpec.parse(SECRET + "=read+admin").get(0).caller(), hashed.caller());
    }

    @Test
    void aKeyMayHoldEqualsSignsSuchAsBase64Padding() {
        KnownKey key = ApiKeySpec.parse("abc==read").get(0);

        assertEquals(HexFormat.of().formatHex(ApiKeySpec.sha256("abc=")), HexFormat.of().formatHex(key.sha256()));
    }

    @Test
    void anEmptySpecAcceptsNoKey() {
        assertEquals(List.of(), ApiKeySpec.parse(""));
        assertEquals(List.of(), ApiKeySpec.parse(" , "));
    }

    @Test
    void aBadEntryStopsTheStartNamingItsPositionButNeverTheKey() {
        assertRefused("aw_ok=read," + SECRET, "entry 2 of 2: expected KEY=scope+scope (scopes: read, write, admin)");
        assertRefused(SECRET + "=read+raed", "entry 1 of 1: 'raed' is not a scope; scopes are read, write, admin");
        assertRefused(SECRET + "=", "entry 1 of 1: no scope after '='; scopes are read, write, admin");
        assertRefused("=read", "entry 1 of 1: the key before '=' is empty");
        assertRefused("aw with space=read", "entry 1 of 1: a key cannot hold spaces or control characters");
        assertRefused("sha256:abc=read", "entry 1 of 1: sha256: must be followed by 64 hex digits");
        assertRefused(SECRET + "=read," + SECRET + "=admin", "entry 2 of 2: the same key as entry 1");
    }

    private static void assertRefused(String spec, String expectedEnd) {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> ApiKeySpec.parse(spec));
        assertTrue(refused.getMessage().startsWith("aigcwatch.gateway.api-keys (AIGCWATCH_API_KEYS), "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith(expectedEnd), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    }
}
