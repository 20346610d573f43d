package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record InvestorData(String name, boolean lead) {
}
