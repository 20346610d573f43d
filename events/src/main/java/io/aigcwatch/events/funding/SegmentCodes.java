package io.aigcwatch.events.funding;

import java.util.List;
import java.util.Set;

/**
 * The segment codes of the report's taxonomy, the words a company's {@code segments} may hold on the wire. funding-service
 * keeps the taxonomy itself (labels, layers, source lines) in its database and serves it at {@code GET /taxonomy};
 * this is the vocabulary for the services that only filter by segment (round alerts, the round stream), so a code the
 * taxonomy lacks is refused there too instead of matching nothing. funding-service's TaxonomyTest keeps the two equal.
 */
public final class SegmentCodes {
    public static final Set<String> ALL = Set.of(
            "DATA", "DATA_PROVIDER", "DATA_SERVICES", "COMPUTE", "COMPUTE_CLUSTER", "DOMESTIC_CHIPS", "CLOUD",
            "COMPUTING_PLATFORM", "TRAINING_PLATFORM", "SUPPORTING_SERVICES", "CONTENT_REVIEW", "TRADING",
            "RIGHTS_AND_PRICING", "CREATION_TOOLS",
            "BASE_MODEL", "CLOSED_MODEL", "OPEN_SOURCE_MODEL", "OPEN_API_MODEL", "MODEL_HUB", "MIDDLE_LAYER",
            "MODEL_INTEGRATOR", "INDUSTRY_MODEL", "SECONDARY_DEVELOPER",
            "TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "STRATEGY", "THREE_D", "VIRTUAL_HUMAN", "PROTEIN_STRUCTURE",
            "DIRECT_CONTENT", "VALUE_ADDED_CONTENT");

    /**
     * The application segments that name what is generated (the report's content types, lines 19 and 21): the
     * categories of market-service's funding-share projection by segment. A company may have several, or none.
     */
    public static final List<String> CONTENT_TYPES = List.of("TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "STRATEGY",
            "THREE_D", "VIRTUAL_HUMAN", "PROTEIN_STRUCTURE");

    private SegmentCodes() {
    }
}
