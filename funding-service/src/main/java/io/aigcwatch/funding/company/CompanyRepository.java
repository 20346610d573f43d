package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CompanyRepository extends CrudRepository<Company, UUID> {

    Optional<Company> findByNormalizedName(String normalizedName);

    List<Company> findByIdIn(Collection<UUID> ids);

    @Query("select * from company where lower(local_name) = lower(:localName) order by created_at limit 1")
    Optional<Company> findFirstByLocalName(String localName);

    @Query(value = "select * from company where normalized_name = :normalizedName for update", nativeQuery = true)
    Optional<Company> lockByNormalizedName(String normalizedName);

    @Query(value = "select * from company where id = :id for update", nativeQuery = true)
    Optional<Company> lockById(UUID id);

    @Query("select * from company where (cast(:afterName as text) is null or (normalized_name > :afterName)) order by normalized_name limit :limit")
    List<Company> page(@Nullable String afterName, int limit);

    /**
     * Finds a company by name, else by local-language name, else registers it, and locks its row until the
     * transaction ends, in one round trip: this is on the path of every recorded round. Empty when a concurrent
     * transaction registered the same name first. Micronaut Data runs it as an insert that returns rows, and binds
     * {@code segments} as JSON, as it stores the column.
     */
    @Query(value = """
            with by_name as (
                select * from company where normalized_name = :normalizedName for update
            ), by_local_name as (
                select * from company
                where cast(:localName as text) is not null and lower(local_name) = lower(cast(:localName as text))
                  and not exists (select 1 from by_name)
                order by created_at limit 1 for update
            ), known as (
                select * from by_name union all select * from by_local_name
            ), registered as (
                insert into company (id, name, normalized_name, local_name, country, layer, segments, created_at, search_key)
                select :id, :name, :normalizedName, cast(:localName as text), :country, :layer, cast(:segments as jsonb), now(),
                       :searchKey
                where not exists (select 1 from known)
                on conflict (normalized_name) do nothing
                returning *
            )
            select * from known union all select * from registered limit 1""", nativeQuery = true)
    List<Company> lockOrRegister(UUID id, String name, String normalizedName, @Nullable String localName,
                                 String country, String layer, List<String> segments, String searchKey);

    /**
     * Companies whose search key (V11, {@link SearchKeys}) has a term equal to the query (rank 0), starting with it
     * (1) or like it by trigrams (2, pg_trgm's word similarity): each condition one the GIN trigram index answers.
     */
    @Query(value = """
            select id, case when search_key like :exact escape '\\' then 0
                            when search_key like :prefix escape '\\' then 1 else 2 end as rank,
                   word_similarity(:q, search_key) as score
            from company
            where search_key like :prefix escape '\\' or :q <% search_key
            order by rank, score desc, normalized_name
            limit :limit""", nativeQuery = true)
    List<SearchHit> search(String q, String exact, String prefix, int limit);

    @Query(value = "update company set search_key = :searchKey where id = :id", nativeQuery = true)
    void updateSearchKey(UUID id, String searchKey);

    @io.micronaut.core.annotation.Introspected
    record SearchHit(UUID id, int rank, double score) {
    }

    /** Locks the rows of many companies in one statement, in id order, so that two such writers never deadlock. */
    @Query(value = "select * from company where id in (:ids) order by id for update", nativeQuery = true)
    List<Company> lockByIds(Collection<UUID> ids);

    @Query(value = "select * from company where normalized_name in (:normalizedNames)", nativeQuery = true)
    List<Company> findByNormalizedNames(Collection<String> normalizedNames);

    @Query(value = "select * from company where lower(local_name) in (:lowerLocalNames) order by created_at",
            nativeQuery = true)
    List<Company> findByLowerLocalNames(Collection<String> lowerLocalNames);
}
