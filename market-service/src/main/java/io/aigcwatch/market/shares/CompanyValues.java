package io.aigcwatch.market.shares;

import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Each company's current valuation and unicorn status, as valuation-service last announced it. */
@Singleton
class CompanyValues {
    private final JdbcOperations jdbc;

    CompanyValues(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(ValuationChanged change) {
        jdbc.prepareStatement("""
                insert into company_value (company_id, name, usd, status) values (?, ?, ?, ?)
                on conflict (company_id) do update set name = excluded.name, usd = excluded.usd, status = excluded.status""",
                statement -> {
                    statement.setObject(1, change.companyId());
                    statement.setString(2, change.companyName());
                    statement.setBigDecimal(3, change.currentUsd());
                    statement.setString(4, change.statusAfter().name());
                    return statement.executeUpdate();
                });
    }
}
