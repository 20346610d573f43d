package io.aigcwatch.funding.round;

/**
 * How many rounds a page holds when a client does not say, and what an export reads at a time; the most a client
 * may ask for is InputLimits' max-page-size.
 */
final class PageSize {
    static final int DEFAULT = 50;
    /** An export fetches this many rows at a time from its cursor and sends them as one chunk. */
    static final int EXPORT = 500;

    private PageSize() {
    }
}
