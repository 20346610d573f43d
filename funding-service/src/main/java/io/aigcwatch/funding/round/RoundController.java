package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.investor.InvestorLinks;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.aigcwatch.funding.idempotency.StoredResponse;
import io.aigcwatch.kit.caller.CallerHeaders;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.export.Exports;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Controller(RoundPaths.BASE)
class RoundController {
    private final RoundRecording recording;
    private final RoundWriter writer;
    private final RoundReader reader;
    private final RoundExports exports;
    private final CompanyRegistry companies;
    private final InputLimits limits;

    RoundController(RoundRecording recording, RoundWriter writer, RoundReader reader, RoundExports exports,
                    CompanyRegistry companies, InputLimits limits) {
        this.recording = recording;
        this.writer = writer;
        this.reader = reader;
        this.exports = exports;
        this.companies = companies;
        this.limits = limits;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> record(@Body RoundRequest request, @Nullable @Header("Idempotency-Key") String idempotencyKey,
                           @Nullable @Header(CallerHeaders.KEY) String caller) {
        RoundRecording.Outcome outcome = recording.record(request, idempotencyKey, caller);
        if (outcome.created() != null) {
            RoundView round = outcome.created();
            return HttpResponse.created(round).header(HttpHeaders.LOCATION, round.location())
                    .header(HttpHeaders.ETAG, round.etag());
        }
        StoredResponse first = outcome.replayed();
        return HttpResponse.status(HttpStatus.valueOf(first.status()))
                .header(HttpHeaders.LOCATION, first.location())
                .header(HttpHeaders.ETAG, first.etag())
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(first.body());
    }

    @Get("/{id}")
    HttpResponse<RoundView> get(UUID id) {
        RoundView round = reader.get(id);
        return HttpResponse.ok(round).header(HttpHeaders.ETAG, round.etag());
    }

    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<RoundView> correct(UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Body RoundRequest request) {
        String precondition = requirePrecondition(ifMatch);
        RoundView round = recording.correct(id, precondition, request);
        return HttpResponse.ok(round).header(HttpHeaders.ETAG, round.etag());
    }

    /** Retracting keeps the round, marked RETRACTED, and tells every consumer to undo it. */
    @Delete("/{id}")
    HttpResponse<RoundView> retract(UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Nullable @QueryValue String reason) {
        String precondition = requirePrecondition(ifMatch);
        String why = FieldChecks.one(checks -> checks.optionalText("reason", reason, limits.maxTextLength()));
        RoundView round = writer.retract(id, precondition, why);
        return HttpResponse.ok(round).header(HttpHeaders.ETAG, round.etag());
    }

    /**
     * A page of JSON by default; with {@code Accept: text/csv} or {@code application/x-ndjson}, every matching round
     * at once, streamed from one database cursor (the cursor and limit of a page do not apply).
     */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.NDJSON_MEDIA_TYPE})
    HttpResponse<?> list(@Nullable @QueryValue String company, @Nullable @QueryValue String country,
                         @Nullable @QueryValue String layer, @Nullable @QueryValue String round,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                         @Nullable @QueryValue String investor, @Nullable @QueryValue String leadInvestor,
                         @Nullable @QueryValue Boolean includeRetracted, @Nullable @QueryValue String cursor,
                         @Nullable @QueryValue Integer limit, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, PageSize.DEFAULT, limits.maxPageSize());
        String position = checks.optionalText("cursor", cursor, limits.maxCursorLength());
        Optional<RoundFilter> filter = filter(company, country, layer, round, from, to,
                Boolean.TRUE.equals(includeRetracted), checks)
                .map(f -> withInvestors(f, checks.optionalText("investor", investor, limits.maxNameLength()),
                        checks.optionalText("leadInvestor", leadInvestor, limits.maxNameLength())));
        checks.throwIfAny();
        ExportFormat format = ExportFormat.requested(accept);
        if (format != ExportFormat.JSON) {
            return Exports.streamed(format, "funding-events", exports.open(format, filter));
        }
        RoundCursor after = RoundCursor.decode(position);
        if (filter.isEmpty()) {
            return HttpResponse.ok(new RoundPage(List.of(), null)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        RoundReader.Page page = reader.page(filter.get(), after, size);
        return HttpResponse.ok(new RoundPage(page.items(), page.next() == null ? null : page.next().encode()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** @return empty when the filter names a company that does not exist, which no round can match */
    private Optional<RoundFilter> filter(@Nullable String company, @Nullable String country, @Nullable String layer,
                                         @Nullable String round, @Nullable String from, @Nullable String to,
                                         boolean includeRetracted, FieldChecks checks) {
        String countryCode = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        if (countryCode != null && !List.of(Locale.getISOCountries()).contains(countryCode)) {
            checks.add("country", FieldChecks.quoted(country) + " is not an ISO 3166-1 alpha-2 country code");
        }
        String companyName = checks.optionalText("company", company, limits.maxNameLength());
        Layer layerValue = enumParam("layer", layer, Layer.class, checks);
        RoundType roundValue = enumParam("round", round, RoundType.class, checks);
        LocalDate fromDate = checks.date("from", from);
        LocalDate toDate = checks.date("to", to);
        checks.throwIfAny();
        UUID companyId = null;
        if (companyName != null) {
            Optional<UUID> resolved = companyId(companyName);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            companyId = resolved.get();
        }
        return Optional.of(new RoundFilter(companyId, countryCode, layerValue, roundValue, fromDate, toDate, includeRetracted));
    }

    /**
     * An investor named by id or by name: a name is the id of its investor record ({@link InvestorLinks#idOf}), so a
     * name nobody recorded matches no round, as an unknown company does.
     */
    private static RoundFilter withInvestors(RoundFilter filter, @Nullable String investor, @Nullable String lead) {
        return new RoundFilter(filter.companyId(), filter.country(), filter.layer(), filter.round(), filter.from(),
                filter.to(), filter.includeRetracted(), investorId(investor), investorId(lead));
    }

    private static UUID investorId(@Nullable String investor) {
        if (investor == null) {
            return null;
        }
        try {
            return UUID.fromString(investor.trim());
        } catch (IllegalArgumentException notAnId) {
            return InvestorLinks.idOf(investor);
        }
    }

    private Optional<UUID> companyId(String company) {
        try {
            return Optional.of(UUID.fromString(company.trim()));
        } catch (IllegalArgumentException notAnId) {
            return companies.findByName(company).map(Company::id);
        }
    }

    private static <E extends Enum<E>> E enumParam(String name, @Nullable String value, Class<E> type, FieldChecks checks) {
        return value == null || value.isBlank() ? null : checks.enumValue(name, value, type);
    }

    private String requirePrecondition(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "send If-Match with the ETag of the version you read, so that concurrent edits are not lost");
        }
        return FieldChecks.one(checks -> checks.requiredText("If-Match", ifMatch, limits.maxTokenLength()));
    }

    /** @param next the cursor of the following page; absent on the last page */
    @Serdeable
    record RoundPage(List<RoundView> items, @Nullable String next) {
    }
}
