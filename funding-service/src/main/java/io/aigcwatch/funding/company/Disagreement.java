package io.aigcwatch.funding.company;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A company field on which a round disagrees with the company's profile. The round is recorded for the company as
 * its profile describes it (the profile wins); the disagreement is kept with the round, for an analyst to settle by
 * editing the profile or correcting the round.
 *
 * @param field   country, layer or segments
 * @param profile the profile's value
 * @param round   what the round said
 */
@Serdeable
public record Disagreement(String field, JsonNode profile, JsonNode round) {
}
