package io.aigcwatch.valuation.query;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.valuation.ledger.ChangeLogEntry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static io.aigcwatch.kit.csv.CsvCells.of;
import static io.aigcwatch.kit.csv.CsvCells.plain;
import static io.aigcwatch.kit.csv.CsvCells.text;

/**
 * A page of the change log as CSV, one row per change. Its {@code seq} column is the cursor: the last row's seq is
 * the page's {@code next}, so a poller of the CSV resumes as one of the JSON does.
 */
@Singleton
class ChangeLogCsv {
    private static final String[] HEADER = {"seq", "event_id", "time", "company_id", "company", "country", "layer",
            "previous_usd", "current_usd", "change_pct", "status_before", "status_after", "transition", "as_of",
            "basis", "cause_type", "cause_id", "cause_event_id", "left_reason"};

    private final JsonMapper json;

    ChangeLogCsv(JsonMapper json) {
        this.json = json;
    }

    MutableHttpResponse<String> attachment(List<ChangeLogEntry> entries) {
        return CsvTable.attachment("valuation-changes", HEADER, entries.stream().map(this::row).toList());
    }

    private List<String> row(ChangeLogEntry entry) {
        CloudEvent<ValuationChanged> event = read(entry.payload());
        ValuationChanged change = event.data();
        return List.of(String.valueOf(entry.seq()), event.id(), of(event.time()), change.companyId().toString(),
                text(change.companyName()), of(change.country()), of(change.layer()), plain(change.previousUsd()),
                plain(change.currentUsd()), plain(change.changePct()), of(change.statusBefore()),
                of(change.statusAfter()), of(change.transition()), of(change.asOf()), of(change.basis()),
                of(change.causeType()), of(change.causeId()), of(change.causeEventId()), text(change.leftReason()));
    }

    @SuppressWarnings("unchecked")
    private CloudEvent<ValuationChanged> read(String payload) {
        try {
            return json.readValue(payload, Argument.of(CloudEvent.class, ValuationChanged.class));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored valuation.changed event is not readable", e);
        }
    }
}
