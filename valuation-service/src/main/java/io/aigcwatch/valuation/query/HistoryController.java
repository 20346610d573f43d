package io.aigcwatch.valuation.query;

import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.ValuationPoint;
import io.aigcwatch.valuation.ledger.ValuationPointRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.aigcwatch.kit.csv.CsvCells.of;
import static io.aigcwatch.kit.csv.CsvCells.plain;
import static io.aigcwatch.kit.csv.CsvCells.text;

/** A company's whole valuation history in as-of order, each point with its cause and its move against the last. */
@Controller("/companies/{id}/valuations")
class HistoryController {
    private static final String[] CSV_HEADER = {"id", "as_of", "amount", "currency", "usd", "basis", "direction",
            "active", "cause_type", "cause_id", "cause_event_id", "source"};

    private final ValuationPointRepository points;

    HistoryController(ValuationPointRepository points) {
        this.points = points;
    }

    /** JSON by default; with {@code Accept: text/csv}, one row per point. */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE})
    HttpResponse<?> history(UUID id, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        List<ValuationPoint> all = points.findAllOfCompany(id);
        if (all.isEmpty()) {
            throw ProblemException.notFound("a valuation of company " + id);
        }
        List<Entry> entries = new ArrayList<>(all.size());
        BigDecimal previous = null;
        for (ValuationPoint point : all) {
            String direction = !point.active() ? "WITHDRAWN" : previous == null ? "FIRST"
                    : switch (Integer.signum(point.usd().compareTo(previous))) {
                        case 1 -> "UP";
                        case -1 -> "DOWN";
                        default -> "FLAT";
                    };
            entries.add(new Entry(point.id(), point.asOf(), point.amount(), point.currency(), point.usd(),
                    point.basis(), direction, point.active(), point.causeType(), point.causeId(), point.causeEventId(),
                    point.source()));
            if (point.active()) {
                previous = point.usd();
            }
        }
        if (ExportFormat.requested(accept) == ExportFormat.CSV) {
            return CsvTable.attachment("valuations-" + id, CSV_HEADER,
                    entries.stream().map(HistoryController::csvRow).toList());
        }
        return HttpResponse.ok(new History(id, entries)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static List<String> csvRow(Entry entry) {
        return List.of(entry.id().toString(), entry.asOf().toString(), plain(entry.amount()), entry.currency(),
                plain(entry.usd()), of(entry.basis()), entry.direction(), String.valueOf(entry.active()),
                of(entry.causeType()), of(entry.causeId()), of(entry.causeEventId()), text(entry.source()));
    }

    @Serdeable
    record History(UUID companyId, List<Entry> points) {
    }

    /** @param direction FIRST, UP, DOWN or FLAT against the previous active point; WITHDRAWN when no longer counted */
    @Serdeable
    record Entry(UUID id, LocalDate asOf, BigDecimal amount, String currency, BigDecimal usd, String basis,
                 String direction, boolean active, String causeType, UUID causeId, UUID causeEventId,
                 @Nullable String source) {
    }
}
