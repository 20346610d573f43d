package io.aigcwatch.funding.company;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A company's profile: registered by its first round, edited since by PATCH (V8), ended by an exit. */
@MappedEntity("company")
public record Company(
        @Id UUID id,
        String name,
        String normalizedName,
        @Nullable String localName,
        String country,
        Layer layer,
        @TypeDef(type = DataType.JSON) List<String> segments,
        Instant createdAt,
        @TypeDef(type = DataType.JSON) List<String> aliases,
        @Nullable LocalDate foundedOn,
        @Nullable String headquarters,
        @Nullable String website,
        CompanyStatus status,
        @Nullable LocalDate statusSince,
        long version,
        Instant updatedAt) {

    /** A company as its first round names it: no profile beyond that yet. */
    static Company registered(UUID id, String name, String normalizedName, @Nullable String localName,
                              String country, Layer layer, List<String> segments, Instant now) {
        return new Company(id, name, normalizedName, localName, country, layer, segments, now, List.of(), null, null,
                null, CompanyStatus.ACTIVE, null, 1, now);
    }

    /**
     * Where a round's company, as the round names it, disagrees with this profile: fields the round leaves out
     * (a company named by id) agree; segments compare as sets.
     */
    public List<Disagreement> disagreements(CompanyRef ref) {
        List<Disagreement> found = new ArrayList<>();
        if (ref.country() != null && !ref.country().equals(country)) {
            found.add(new Disagreement("country", JsonNode.createStringNode(country),
                    JsonNode.createStringNode(ref.country())));
        }
        if (ref.layer() != null && ref.layer() != layer) {
            found.add(new Disagreement("layer", JsonNode.createStringNode(layer.name()),
                    JsonNode.createStringNode(ref.layer().name())));
        }
        if (!ref.segments().isEmpty() && !Set.copyOf(ref.segments()).equals(Set.copyOf(segments))) {
            found.add(new Disagreement("segments", strings(segments), strings(ref.segments())));
        }
        return List.copyOf(found);
    }

    private static JsonNode strings(List<String> values) {
        return JsonNode.createArrayNode(values.stream().map(JsonNode::createStringNode).toList());
    }

    public CompanyData toData() {
        return new CompanyData(id, name, localName, country, layer, segments);
    }

    public CompanyProfileData toProfile() {
        return new CompanyProfileData(id, name, localName, aliases, country, layer, segments, foundedOn, headquarters,
                website, status, statusSince, version);
    }
}
