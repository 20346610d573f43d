package io.aigcwatch.funding.round;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingEventSources;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyBatch;
import io.aigcwatch.funding.company.CompanyRef;
import io.aigcwatch.funding.investor.InvestorLinks;
import io.aigcwatch.kit.outbox.Outbox;
import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Records many rounds at once, as a bulk import's chunk: each row checked by the same {@link RoundValidator} as a
 * {@code POST /funding-events}, then the chunk's companies, rounds, totals and events written with a few statements
 * in the caller's transaction. A row already imported (same fingerprint), or already recorded (a round of the same
 * company, type, date and figures), adds nothing; a bad row is refused without stopping the others.
 */
@Singleton
public class RoundBatch {
    private final RoundValidator validator;
    private final CompanyBatch companies;
    private final BatchStats stats;
    private final RoundCopy copy;
    private final BatchDuplicates duplicates;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final InvestorLinks investors;
    private final Clock clock;

    RoundBatch(RoundValidator validator, CompanyBatch companies, BatchStats stats, RoundCopy copy,
               BatchDuplicates duplicates, Outbox outbox, ObjectMapper json, InvestorLinks investors, Clock clock) {
        this.validator = validator;
        this.companies = companies;
        this.stats = stats;
        this.copy = copy;
        this.duplicates = duplicates;
        this.outbox = outbox;
        this.json = json;
        this.investors = investors;
        this.clock = clock;
    }

    public enum Format { CSV, NDJSON }

    /** @param payload one CSV record (in the file's columns) or one line of NDJSON */
    public record Line(long number, String payload) {
    }

    public record Refusal(long line, String field, String reason) {
    }

    public record Outcome(int imported, int alreadyRecorded, int refusedRows, List<Refusal> refusals) {
    }

    /** Throws 422 when a required column is missing from an imported CSV's header. */
    public static void checkCsvHeader(List<String> header) {
        RoundCsvRow.checkHeader(header);
    }

    /**
     * @param job the import job the lines are of: its rounds' events come from {@link FundingEventSources#importJob},
     *            so that consumers can tell history being loaded from rounds recorded as they happen
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Outcome record(UUID job, Format format, List<String> header, List<Line> lines) {
        List<Refusal> refusals = new ArrayList<>();
        Set<Long> refusedLines = new HashSet<>();
        List<Line> validLines = new ArrayList<>(lines.size());
        List<ValidRound> valid = new ArrayList<>(lines.size());
        Object[] checked = checkAll(format, header, lines);
        for (int i = 0; i < lines.size(); i++) {
            if (checked[i] instanceof ValidRound round) {
                valid.add(round);
                validLines.add(lines.get(i));
            } else {
                refuse(refusals, refusedLines, lines.get(i).number(), (ProblemException) checked[i]);
            }
        }
        List<CompanyBatch.Resolved> resolved = companies.lockOrRegisterAll(
                valid.stream().map(ValidRound::company).map(CompanyRef.class::cast).toList());
        Instant now = RoundWriter.now(clock);
        List<Candidate> candidates = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            CompanyBatch.Resolved company = resolved.get(i);
            long number = validLines.get(i).number();
            if (company.error() != null) {
                refuse(refusals, refusedLines, number, company.error());
                continue;
            }
            FundingRound round = RoundWriter.toEntity(UUID.randomUUID(), 1, company.company(), valid.get(i), now, now);
            candidates.add(new Candidate(number, valid.get(i).distinctRound(), company.company(), round,
                    RoundFingerprint.of(round)));
        }
        return write(FundingEventSources.importJob(job), candidates, refusals, refusedLines.size(), now);
    }

    private Outcome write(String source, List<Candidate> candidates, List<Refusal> refusals, int refusedRows,
                          Instant now) {
        Set<String> known = duplicates.knownFingerprints(candidates.stream().map(Candidate::fingerprint).toList());
        Map<Integer, FundingRound> near = duplicates.near(candidates.stream().map(Candidate::round).toList());
        Map<String, List<FundingRound>> acceptedByCompanyAndRound = new HashMap<>();
        List<Candidate> accepted = new ArrayList<>();
        int alreadyRecorded = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            FundingRound round = candidate.round();
            List<FundingRound> sameKind = acceptedByCompanyAndRound.computeIfAbsent(
                    round.companyId() + "/" + round.roundType(), k -> new ArrayList<>());
            FundingRound recorded = near.get(i);
            FundingRound earlier = candidate.distinct() ? null : nearest(sameKind, round.announcedOn());
            if (!known.add(candidate.fingerprint())
                    || (!candidate.distinct() && recorded != null && BatchDuplicates.sameFigures(recorded, round))) {
                alreadyRecorded++;
            } else if (!candidate.distinct() && (recorded != null || earlier != null)) {
                LocalDate existingOn = recorded != null ? recorded.announcedOn() : earlier.announcedOn();
                refusals.add(new Refusal(candidate.line(), "round",
                        RoundWriter.duplicateRound(candidate.company(), round.roundType(), existingOn)));
                refusedRows++;
            } else {
                sameKind.add(round);
                accepted.add(candidate);
            }
        }
        if (!accepted.isEmpty()) {
            List<FundingRound> inserted = accepted.stream().map(Candidate::round).toList();
            copy.insertAll(inserted);
            List<UUID> insertedIds = inserted.stream().map(FundingRound::id).toList();
            stats.add(insertedIds);
            investors.linkActive(inserted.stream().map(FundingRound::investorLinks).toList());
            outbox.appendAll(Topics.FUNDING_EVENTS, accepted.parallelStream().map(candidate -> RoundWriter.event(
                    source, FundingEventTypes.RECORDED, candidate.company(),
                    RoundView.of(candidate.round(), candidate.company()).toEventData(), now)).toList());
            duplicates.remember(accepted.stream().map(Candidate::fingerprint).toList(),
                    inserted.stream().map(FundingRound::id).toList());
        }
        return new Outcome(accepted.size(), alreadyRecorded, refusedRows, refusals);
    }

    /**
     * Each line's {@link ValidRound} or the {@link ProblemException} that refuses it, by index. Parsing and checking
     * a row touches nothing shared, and is a third of a chunk's time: spread over the cores (the writes that follow
     * are the database's work, single-threaded on one connection).
     */
    private Object[] checkAll(Format format, List<String> header, List<Line> lines) {
        List<CSVRecord> records = format == Format.CSV ? records(lines) : null;
        Object[] checked = new Object[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            try {
                RoundRequest request = format == Format.NDJSON ? readJson(lines.get(i).payload())
                        : records == null ? readCsv(header, parseOne(lines.get(i).payload()))
                        : readCsv(header, records.get(i));
                checked[i] = validator.validate(request);
            } catch (ProblemException e) {
                checked[i] = e;
            } catch (RuntimeException e) {
                checked[i] = unreadable(format, e);
            }
        });
        return checked;
    }

    /**
     * The chunk's rows read by one parser: a parser per row costs a 16 KB read buffer each, the largest allocation of
     * an import. Each staged row is one whole record as the receiver wrote it, so the records match the rows one for
     * one; if they ever do not, null, and each row is read on its own.
     */
    private static List<CSVRecord> records(List<Line> lines) {
        StringBuilder joined = new StringBuilder(lines.size() * 200);
        for (Line line : lines) {
            joined.append(line.payload()).append("\r\n");
        }
        try {
            List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(joined.toString())).getRecords();
            return records.size() == lines.size() ? records : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static CSVRecord parseOne(String payload) {
        try {
            return CSVFormat.RFC4180.parse(new StringReader(payload)).getRecords().get(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable(Format.CSV, e);
        }
    }

    private static FundingRound nearest(List<FundingRound> accepted, LocalDate on) {
        for (FundingRound round : accepted) {
            if (Math.abs(round.announcedOn().toEpochDay() - on.toEpochDay()) <= RoundWriter.DUPLICATE_WINDOW_DAYS) {
                return round;
            }
        }
        return null;
    }

    private RoundRequest readJson(String payload) {
        try {
            return json.readValue(payload, RoundRequest.class);
        } catch (IOException e) {
            throw unreadable(Format.NDJSON, e);
        }
    }

    private static RoundRequest readCsv(List<String> header, CSVRecord record) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            row.put(header.get(i), record.get(i));
        }
        return RoundCsvRow.read(row);
    }

    private static ProblemException unreadable(Format format, Exception e) {
        return ProblemException.invalid("body", (format == Format.CSV ? "is not a funding event as a CSV row: "
                : "is not a funding event as JSON: ") + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    private static void refuse(List<Refusal> refusals, Set<Long> refusedLines, long line, ProblemException e) {
        Problem problem = e.toProblem(null);
        if (problem.errors() == null || problem.errors().isEmpty()) {
            refuse(refusals, refusedLines, line, new Problem.FieldError("body", problem.detail()));
            return;
        }
        problem.errors().forEach(error -> refuse(refusals, refusedLines, line, error));
    }

    private static void refuse(List<Refusal> refusals, Set<Long> refusedLines, long line, Problem.FieldError error) {
        refusals.add(new Refusal(line, error.field(), error.message()));
        refusedLines.add(line);
    }

    private record Candidate(long line, boolean distinct, Company company, FundingRound round, String fingerprint) {
    }
}
