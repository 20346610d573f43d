package io.aigcwatch.market.shares;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CompanyValueRepository extends GenericRepository<CompanyValue, UUID> {

    /** A valuation.changed event replaces what was known of its company, whatever arrived before. */
    @Query(value = """
            insert into company_value (company_id, name, usd, status) values (:companyId, :name, :usd, :status)
            on conflict (company_id) do update set name = excluded.name, usd = excluded.usd, status = excluded.status""",
            nativeQuery = true)
    void upsert(UUID companyId, String name, @Nullable BigDecimal usd, String status);

    /**
     * The same for many companies in one statement; the arrays are parallel, one entry per company (a batch's last
     * change of each). USD travels as text, which keeps every digit, as Micronaut Data binds no array of numerics.
     */
    @Query(value = """
            insert into company_value (company_id, name, usd, status)
            select cast(id as uuid), name, cast(usd as numeric), status
            from unnest(cast(:ids as text[]), cast(:names as text[]), cast(:usds as text[]), cast(:statuses as text[]))
                as change(id, name, usd, status)
            on conflict (company_id) do update set name = excluded.name, usd = excluded.usd, status = excluded.status""",
            nativeQuery = true)
    void upsertAll(String[] ids, String[] names, String[] usds, String[] statuses);

    /** company.updated: the companies' current names, for those that have a value row; the arrays are parallel. */
    @Query(value = """
            update company_value stored set name = renamed.name
            from unnest(cast(:ids as text[]), cast(:names as text[])) as renamed(id, name)
            where stored.company_id = cast(renamed.id as uuid)""", nativeQuery = true)
    void renameAll(String[] ids, String[] names);

    /** Each valued unicorn (or more), counted once, largest first. */
    @Query(value = """
            select name as key, 1 as count, usd from company_value where status <> 'NONE' and usd is not null
            order by usd desc, name""", nativeQuery = true)
    List<ShareRow> unicornShares();
}
