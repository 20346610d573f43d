package io.aigcwatch.valuation.query;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.CompanyValuationRepository;
import io.aigcwatch.valuation.ledger.UnicornStatRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.aigcwatch.kit.csv.CsvCells.of;
import static io.aigcwatch.kit.csv.CsvCells.plain;
import static io.aigcwatch.kit.csv.CsvCells.text;

/** Companies valued at or above USD 1B now, largest first, with the date each one joined. */
@Controller("/unicorns")
class UnicornController {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private static final String[] CSV_HEADER = {"company_id", "name", "local_name", "country", "layer", "usd", "as_of",
            "basis", "status", "joined_on"};

    private final CompanyValuationRepository unicorns;
    private final UnicornStatRepository totals;
    private final InputLimits limits;

    UnicornController(CompanyValuationRepository unicorns, UnicornStatRepository totals, InputLimits limits) {
        this.unicorns = unicorns;
        this.totals = totals;
        this.limits = limits;
    }

    /**
     * JSON by default; with {@code Accept: text/csv}, the counted unicorns as a spreadsheet, one row each. Every
     * unicorn unless {@code limit} asks for the largest few (a leaderboard); {@code count} counts them all.
     */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE})
    HttpResponse<?> list(@Nullable @QueryValue String country, @Nullable @QueryValue String layer,
                         @Nullable @QueryValue String status, @Nullable @QueryValue Integer limit,
                         @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        FieldChecks checks = new FieldChecks();
        Integer largest = limit == null ? null
                : checks.pageSize("limit", limit, limits.maxPageSize(), limits.maxPageSize());
        checks.throwIfAny();
        String countryCode = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        if (countryCode != null && !COUNTRY.matcher(countryCode).matches()) {
            throw ProblemException.invalid("country", FieldChecks.quoted(country)
                    + " is not an ISO 3166-1 alpha-2 country code");
        }
        String layerName = oneOf("layer", layer, Arrays.stream(Layer.values()).map(Enum::name).toList());
        String statusName = oneOf("status", status, List.of(UnicornStatus.UNICORN.name(), UnicornStatus.DECACORN.name()));
        List<CompanyValuationRepository.UnicornRow> rows = unicorns.unicorns(countryCode, layerName, statusName,
                largest);
        if (ExportFormat.requested(accept) == ExportFormat.CSV) {
            return CsvTable.attachment("unicorns", CSV_HEADER, rows.stream().map(UnicornController::csvRow).toList());
        }
        List<Excluded> excluded = Stream.concat(unicorns.exited().stream().map(Excluded::of),
                unicorns.mislabelled().stream().map(Excluded::of)).toList();
        long count = largest != null && rows.size() == largest
                ? totals.totals(countryCode, layerName, statusName).companies() : rows.size();
        return HttpResponse.ok(new UnicornList(count, rows, excluded)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static List<String> csvRow(CompanyValuationRepository.UnicornRow row) {
        return List.of(row.companyId().toString(), text(row.name()), text(row.localName()), of(row.country()),
                of(row.layer()), plain(row.usd()), of(row.asOf()), of(row.basis()), of(row.status()), of(row.joinedOn()));
    }

    private static String oneOf(String name, @Nullable String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw ProblemException.invalid(name, FieldChecks.quoted(value) + " is not one of " + allowed);
        }
        return upper;
    }

    /**
     * @param count    every unicorn that matches, even when {@code items} holds only the largest few
     * @param excluded companies not counted and why: those that exited or closed (valued at USD 1B or more), and
     *                 those a source calls unicorns whose valuation is under USD 1B
     */
    @Serdeable
    record UnicornList(long count, List<CompanyValuationRepository.UnicornRow> items, List<Excluded> excluded) {
    }

    /**
     * @param leftReason EXIT or CLOSED for a company that left the list on its status (ACQUIRED, PUBLIC, CLOSED);
     *                   absent for a company a source mislabelled
     */
    @Serdeable
    record Excluded(java.util.UUID companyId, String name, java.math.BigDecimal usd, String reason,
                    @Nullable String leftReason) {
        static Excluded of(CompanyValuationRepository.MislabelledRow row) {
            return new Excluded(row.companyId(), row.name(), row.usd(), "listed as " + row.listedAs()
                    + (row.source() == null ? "" : " by " + row.source()) + ", but valued at USD "
                    + billions(row.usd()) + "B as of " + row.asOf() + ", under the USD 1B line; not counted", null);
        }

        static Excluded of(CompanyValuationRepository.ExitedRow row) {
            return new Excluded(row.companyId(), row.name(), row.usd(), row.status()
                    + (row.statusSince() == null ? "" : " since " + row.statusSince()) + ", valued at USD "
                    + billions(row.usd()) + "B as of " + row.asOf() + ", but no longer a private company; not counted",
                    row.leftReason());
        }

        private static String billions(java.math.BigDecimal usd) {
            return usd.movePointLeft(9).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
    }
}
