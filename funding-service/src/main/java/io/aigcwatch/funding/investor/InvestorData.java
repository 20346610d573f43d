package io.aigcwatch.funding.investor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An investor as the API shows it.
 *
 * @param rounds    the active rounds it joined
 * @param leads     those it led
 * @param roundsUsd the USD raised in those rounds, undisclosed amounts counting nothing (its own share is not reported)
 * @param unicornsHeld the distinct companies of those rounds that valuation-service currently counts as unicorns
 *                     (USD 1B or more, not exited or closed)
 */
@Serdeable
record InvestorData(UUID id, String name, @Nullable String localName, List<String> aliases, InvestorType type,
                    long rounds, long leads, BigDecimal roundsUsd,
                    long unicornsHeld) {
}
