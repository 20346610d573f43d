package io.aigcwatch.funding.round;

import java.util.UUID;

/** Where rounds live in the API: the write path names them in Location headers and in duplicate conflicts. */
final class RoundPaths {
    static final String BASE = "/funding-events";

    private RoundPaths() {
    }

    static String of(UUID id) {
        return BASE + "/" + id;
    }
}
