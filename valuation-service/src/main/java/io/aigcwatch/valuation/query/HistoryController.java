package io.aigcwatch.valuation.query;

import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.ValuationPoint;
import io.aigcwatch.valuation.ledger.ValuationPointRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A company's whole valuation history in as-of order, each point with its cause and its move against the last. */
@Controller("/companies/{id}/valuations")
class HistoryController {
    private final ValuationPointRepository points;

    HistoryController(ValuationPointRepository points) {
        this.points = points;
    }

    @Get
    History history(UUID id) {
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
        return new History(id, entries);
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
