package io.aigcwatch.funding.investor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An investor named on rounds (V11), with the counters its rounds' write transactions keep. */
@MappedEntity("investor")
record Investor(
        @Id UUID id,
        String name,
        String normalizedName,
        @Nullable String localName,
        @TypeDef(type = DataType.JSON) List<String> aliases,
        InvestorType type,
        String searchKey,
        long rounds,
        long leads,
        BigDecimal roundsUsd,
        Instant createdAt,
        long unicornsHeld) {

    InvestorData toData() {
        return new InvestorData(id, name, localName, aliases, type, rounds, leads, RoundsUsd.plain(roundsUsd),
                unicornsHeld);
    }
}
