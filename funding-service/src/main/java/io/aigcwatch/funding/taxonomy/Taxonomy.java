package io.aigcwatch.funding.taxonomy;

import io.aigcwatch.kit.limits.FieldChecks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one check of segments against the report's taxonomy, for every write that names segments: a round's company,
 * a bulk import's rows and a company profile edit. The taxonomy changes only by a migration, so it is read once, on
 * first use (after Flyway has run), and kept.
 */
@Singleton
public class Taxonomy {
    /** Where the labels and line numbers come from. */
    static final String SOURCE = "QbitAI, China AIGC industry panorama report 2023 (shared/seed/000_5979c292eba3c044.txt)";

    private final TaxonomyRepository segments;
    private final TaxonomyLayerRepository layers;
    private volatile @Nullable TaxonomyView view;
    private volatile @Nullable Set<String> codes;

    Taxonomy(TaxonomyRepository segments, TaxonomyLayerRepository layers) {
        this.segments = segments;
        this.layers = layers;
    }

    /**
     * Segments as codes, upper-cased and without repeats, or a 422 naming {@code segments[i]} and the allowed codes.
     */
    public List<String> check(@Nullable List<String> given) {
        FieldChecks checks = new FieldChecks();
        List<String> clean = check("segments", given, checks);
        checks.throwIfAny();
        return clean;
    }

    /**
     * Notes in {@code checks}, under {@code field[i]}, each segment that is not a code; the codes upper-cased and
     * without repeats. Blank entries are the caller's to refuse (they have a length and presence check of their own).
     */
    public List<String> check(String field, @Nullable List<String> given, FieldChecks checks) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Set<String> allowed = codes();
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String segment = given.get(i);
            if (segment == null || segment.isBlank()) {
                continue;
            }
            String code = segment.strip().toUpperCase(Locale.ROOT);
            if (allowed.contains(code)) {
                clean.add(code);
            } else {
                checks.add(field + "[" + i + "]", FieldChecks.quoted(segment)
                        + " is not a segment of the report's taxonomy (GET /api/taxonomy); one of " + allowed);
            }
        }
        return List.copyOf(clean);
    }

    /** Every code, in the taxonomy's order. */
    public Set<String> codes() {
        Set<String> known = codes;
        if (known == null) {
            Set<String> read = new LinkedHashSet<>();
            segments.segments().forEach(segment -> read.add(segment.code()));
            known = Collections.unmodifiableSet(read);
            codes = known;
        }
        return known;
    }

    TaxonomyView view() {
        TaxonomyView known = view;
        if (known == null) {
            List<TaxonomySegment> all = segments.segments();
            List<TaxonomyView.Layer> byLayer = new ArrayList<>();
            for (TaxonomyLayer layer : layers.layers()) {
                byLayer.add(new TaxonomyView.Layer(layer.code(), layer.labelZh(), layer.labelEn(), layer.sourceLine(),
                        all.stream().filter(segment -> segment.layer().equals(layer.code()))
                                .map(segment -> new TaxonomyView.Segment(segment.code(), segment.parent(),
                                        segment.labelZh(), segment.labelEn(), segment.sourceLine(), segment.note()))
                                .toList()));
            }
            known = new TaxonomyView(SOURCE, List.copyOf(byLayer));
            view = known;
        }
        return known;
    }
}
