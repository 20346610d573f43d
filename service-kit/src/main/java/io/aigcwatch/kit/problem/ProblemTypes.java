package io.aigcwatch.kit.problem;

/** Problem {@code type} URIs: one short slug per kind of failure, so clients can branch on them. */
public final class ProblemTypes {
    private static final String BASE = "https://aigcwatch.io/problems/";

    private ProblemTypes() {
    }

    public static String uri(String slug) {
        return BASE + slug;
    }
}
