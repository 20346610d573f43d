package io.aigcwatch.gateway.access;

import java.util.HexFormat;
import java.util.Set;

/**
 * One configured API key, of which only the SHA-256 hash is kept. A plain hash is enough here, unlike for
 * passwords: keys are long random strings, so there is nothing to guess from a hash.
 */
record KnownKey(byte[] sha256, Set<Scope> scopes) {
    /** Enough of the hash to tell keys apart in logs and stored data, too little to help anyone find the key. */
    private static final int ID_HEX_CHARS = 12;

    KnownKey {
        sha256 = sha256.clone();
        scopes = Set.copyOf(scopes);
    }

    Caller caller() {
        return new Caller("key-" + HexFormat.of().formatHex(sha256).substring(0, ID_HEX_CHARS), scopes);
    }
}
