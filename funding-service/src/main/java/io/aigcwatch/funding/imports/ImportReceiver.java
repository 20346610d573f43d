package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.round.RoundBatch;
import io.aigcwatch.kit.jdbc.CopyIn;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes an upload as it streams in and stages its rows with {@code COPY ... FROM STDIN}, so a file of any size
 * costs one row of memory. The job row (RECEIVING while the file streams), its rows and its move to QUEUED commit
 * together, and only then is the upload acknowledged: it can no longer be lost. A refused or cut-off upload rolls
 * back whole and leaves nothing behind.
 */
@Singleton
class ImportReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(ImportReceiver.class);
    private static final String COPY = "import_row (job_id, line, payload)";

    private final ImportJobRepository jobs;
    private final TransactionOperations<Connection> transactions;
    private final RowSplitter splitter;
    private final Clock clock;

    ImportReceiver(ImportJobRepository jobs, TransactionOperations<Connection> transactions, ImportsConfig config,
                   Clock clock) {
        this.jobs = jobs;
        this.transactions = transactions;
        this.splitter = new RowSplitter(config);
        this.clock = clock;
    }

    ImportJob receive(RoundBatch.Format format, InputStream body) {
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            ImportJob job = jobs.save(new ImportJob(UUID.randomUUID(), ImportState.RECEIVING, format.name(), null,
                    null, 0, 0, 0, 0, 0, null, now, null, null, now));
            return stage(job, format, body, status.getConnection());
        });
    }

    private ImportJob stage(ImportJob job, RoundBatch.Format format, InputStream body, Connection connection) {
        long[] rows = {0};
        AtomicReference<List<String>> header = new AtomicReference<>();
        try {
            String jobId = job.id().toString();
            CopyIn.copy(connection, COPY, "import " + job.id(), out -> {
                RowSplitter.Sink sink = (line, payload) -> {
                    rows[0]++;
                    out.row(jobId, line, payload);
                };
                Reader text = utf8(body);
                if (format == RoundBatch.Format.CSV) {
                    header.set(splitter.csv(text, sink));
                } else {
                    splitter.ndjson(text, sink);
                }
            });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw ProblemException.invalid("body", "is not UTF-8 text");
            }
            throw tooLarge(e).orElseThrow(() -> e);
        }
        Instant now = clock.instant();
        ImportJob queued = new ImportJob(job.id(), ImportState.QUEUED, job.format(), header.get(), rows[0], 0, 0, 0, 0,
                0, null, job.receivedAt(), null, null, now);
        jobs.update(queued);
        LOG.info("Import {} received: {} rows of {}", job.id(), rows[0], format);
        return queued;
    }

    /** The server cut the body off at micronaut.server.max-request-size: the client hears 413, not 500. */
    private static Optional<ProblemException> tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException) {
                return Optional.of(new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                        cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** A byte that is not UTF-8 stops the upload, rather than turning into a replacement character in a name. */
    private static Reader utf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
