package io.aigcwatch.funding.company;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a search result matched: how (EXACT term, PREFIX of a term, SIMILAR by trigrams), which field's term (name,
 * localName, alias, pinyin, initials) and that term; {@code score} is pg_trgm's word similarity of the query to the
 * whole key (1 for an exact or prefix match of a whole word).
 */
@Serdeable
public record SearchMatch(Kind kind, String field, String term, double score) {
    public enum Kind { EXACT, PREFIX, SIMILAR }

    /** The match the database ranked ({@code rank} 0, 1, 2), told by the terms the key was made of. */
    public static SearchMatch of(String q, List<SearchKeys.Term> terms, int rank, double score) {
        Kind kind = Kind.values()[Math.max(0, Math.min(rank, 2))];
        SearchKeys.Term best = switch (kind) {
            case EXACT -> terms.stream().filter(t -> t.text().equals(q)).findFirst().orElse(null);
            case PREFIX -> terms.stream().filter(t -> t.text().startsWith(q)).findFirst().orElse(null);
            case SIMILAR -> null;
        };
        if (best == null) {
            best = terms.stream().max(Comparator.comparingDouble(t -> similarity(q, t.text())))
                    .orElse(new SearchKeys.Term("name", ""));
        }
        return new SearchMatch(kind, best.field(), best.text(), Math.round(score * 1000) / 1000.0);
    }

    /** Trigram overlap of two strings, as pg_trgm counts it, only to tell which term a similar match came from. */
    static double similarity(String a, String b) {
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(left);
        shared.retainAll(right);
        return shared.size() / (double) (left.size() + right.size() - shared.size());
    }

    private static Set<String> trigrams(String text) {
        String padded = "  " + text + " ";
        Set<String> grams = new HashSet<>();
        int[] points = padded.codePoints().toArray();
        for (int i = 0; i + 3 <= points.length; i++) {
            grams.add(new String(points, i, 3));
        }
        return grams;
    }
}
