package io.aigcwatch.funding.round;

/**
 * How many rounds a page holds when a client does not say, and what an export reads at a time; the most a client
 * may ask for is InputLimits' max-page-size.
 */
final class PageSize {
    static final int DEFAULT = 50;
    /** An export streams pages of this size, so that one of any length never sits whole in memory. */
    static final int EXPORT = 500;

    private PageSize() {
    }
}
