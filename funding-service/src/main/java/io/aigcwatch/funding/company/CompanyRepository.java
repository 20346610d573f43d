package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CompanyRepository extends CrudRepository<Company, UUID> {

    Optional<Company> findByNormalizedName(String normalizedName);

    @Query("select * from company where lower(local_name) = lower(:localName) order by created_at limit 1")
    Optional<Company> findFirstByLocalName(String localName);

    @Query(value = "select * from company where normalized_name = :normalizedName for update", nativeQuery = true)
    Optional<Company> lockByNormalizedName(String normalizedName);

    @Query(value = "select * from company where id = :id for update", nativeQuery = true)
    Optional<Company> lockById(UUID id);

    @Query("select * from company where (cast(:afterName as text) is null or (normalized_name > :afterName)) order by normalized_name limit :limit")
    List<Company> page(@Nullable String afterName, int limit);
}
