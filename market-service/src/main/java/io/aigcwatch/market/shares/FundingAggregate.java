package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/** The funding counted in one bucket of one dimension, such as LAYER / MODEL. */
@MappedEntity("funding_aggregate")
record FundingAggregate(@EmbeddedId Key key, long rounds, BigDecimal usd) {

    @Embeddable
    record Key(@MappedProperty("dimension") String dimension, @MappedProperty("bucket") String bucket) {
    }
}
