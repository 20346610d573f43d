package io.aigcwatch.market.projection;

import io.micronaut.serde.annotation.Serdeable;

/** The report's five revenue models; OTHER is the explicit residual that makes each year's shares sum to 100%. */
@Serdeable
public enum RevenueModel {
    MAAS,
    PAY_PER_OUTPUT,
    SUBSCRIPTION,
    MODEL_TRAINING,
    OTHER
}
