package io.aigcwatch.valuation.ledger;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrackedCompanyRepository extends CrudRepository<TrackedCompany, UUID> {

    List<TrackedCompany> findByIdIn(Collection<UUID> ids);
}
