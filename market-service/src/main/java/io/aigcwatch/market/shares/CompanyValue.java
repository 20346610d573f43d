package io.aigcwatch.market.shares;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.UUID;

/** A company's current valuation and unicorn status, as valuation-service last announced them. */
@MappedEntity("company_value")
record CompanyValue(@Id UUID companyId, String name, @Nullable BigDecimal usd, String status) {
}
