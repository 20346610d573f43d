package io.aigcwatch.funding.company;

/**
 * A search's query as the key's LIKE patterns: an exact term is bounded by separators on both sides, a prefix by one
 * on its left. LIKE's own wildcards in the query are escaped, so they match themselves.
 */
public record SearchQuery(String q, String exact, String prefix) {
    public static SearchQuery of(String text) {
        String q = SearchKeys.query(text);
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new SearchQuery(q, "%|" + escaped + "|%", "%|" + escaped + "%");
    }
}
