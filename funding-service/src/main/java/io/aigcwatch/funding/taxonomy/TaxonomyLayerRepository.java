package io.aigcwatch.funding.taxonomy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaxonomyLayerRepository extends GenericRepository<TaxonomyLayer, String> {

    @Query("select * from taxonomy_layer order by position")
    List<TaxonomyLayer> layers();
}
