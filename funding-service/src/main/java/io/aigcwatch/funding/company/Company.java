package io.aigcwatch.funding.company;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@MappedEntity("company")
public record Company(
        @Id UUID id,
        String name,
        String normalizedName,
        @Nullable String localName,
        String country,
        Layer layer,
        @TypeDef(type = DataType.JSON) List<String> segments,
        Instant createdAt) {

    public CompanyData toData() {
        return new CompanyData(id, name, localName, country, layer, segments);
    }
}
