package io.aigcwatch.funding.imports;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ImportJobRepository extends CrudRepository<ImportJob, UUID> {

    /** The job, locked: a chunk and its progress commit together, and two workers never apply the same chunk. */
    @Query(value = "select * from import_job where id = :id for update", nativeQuery = true)
    Optional<ImportJob> lockById(UUID id);

    /** The oldest job waiting for a worker; a RUNNING one first: it was interrupted, and is resumed. */
    @Query(value = """
            select id from import_job where state in ('QUEUED', 'RUNNING')
            order by state = 'RUNNING' desc, received_at limit 1""", nativeQuery = true)
    Optional<UUID> nextPending();

    @Query(value = """
            update import_job set state = 'FAILED', failure = :failure, finished_at = now(), updated_at = now()
            where id = :id and state not in ('DONE', 'FAILED')""", nativeQuery = true)
    void fail(UUID id, String failure);

    @Query(value = """
            select line, field, reason from import_refusal where job_id = :id and line > :afterLine
            order by line, seq limit :limit""", nativeQuery = true)
    List<ImportView.Refused> refused(UUID id, long afterLine, int limit);

    @Query(value = "delete from import_row where job_id = :id and line <= :upToLine", nativeQuery = true)
    void deleteApplied(UUID id, long upToLine);

    @Query(value = "select line, payload from import_row where job_id = :id and line > :afterLine order by line limit :limit",
            nativeQuery = true)
    List<StagedRow> staged(UUID id, long afterLine, int limit);

    @io.micronaut.core.annotation.Introspected
    record StagedRow(long line, String payload) {
    }
}
