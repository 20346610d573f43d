package io.aigcwatch.market.shares;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** One bucket of a share table as stored: its key, how many items it counts and their USD sum. */
@Introspected
record ShareRow(String key, long count, BigDecimal usd) {
}
