package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.funding.round.EntityTags;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.export.Exports;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Controller("/companies")
class CompanyController {
    private static final int DEFAULT_PAGE = 100;

    private final CompanyRegistry registry;
    private final CompanyValidator validator;
    private final CompanyRounds rounds;
    private final CompanyExports exports;
    private final InputLimits limits;
    private final CompanySearch search;

    CompanyController(CompanyRegistry registry, CompanyValidator validator, CompanyRounds rounds,
                      CompanyExports exports, InputLimits limits, CompanySearch search) {
        this.search = search;
        this.registry = registry;
        this.validator = validator;
        this.rounds = rounds;
        this.exports = exports;
        this.limits = limits;
    }

    /**
     * Companies in name order, a page of JSON at a time; with {@code Accept: text/csv} or
     * {@code application/x-ndjson}, all of them at once, streamed from one database cursor.
     */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.NDJSON_MEDIA_TYPE})
    HttpResponse<?> list(@Nullable @QueryValue String q, @Nullable @QueryValue String cursor,
                         @Nullable @QueryValue Integer limit, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, DEFAULT_PAGE, limits.maxPageSize());
        String position = checks.optionalText("cursor", cursor, limits.maxCursorLength());
        String query = checks.optionalText("q", q, limits.maxNameLength());
        checks.throwIfAny();
        if (query != null) {
            return HttpResponse.ok(search.search(query, size)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        ExportFormat format = ExportFormat.requested(accept);
        if (format != ExportFormat.JSON) {
            return Exports.streamed(format, "companies", exports.open(format));
        }
        List<Company> found = registry.page(decode(position), size + 1);
        boolean more = found.size() > size;
        List<Company> page = more ? found.subList(0, size) : found;
        String next = more ? encode(page.get(page.size() - 1).normalizedName()) : null;
        return HttpResponse.ok(new CompanyPage(page.stream().map(Company::toData).toList(), next))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The company of that name, registered first if it is new. Other services call it for a company they learn of
     * by name, such as a valuation mark's, so that every company has one id suite-wide.
     */
    @Post
    @Transactional
    CompanyData register(@Body CompanyInput company) {
        return registry.lock(validator.validateRegistration(company)).toData();
    }

    /**
     * One company's whole profile, with every round recorded for it and the latest post-money valuation among them;
     * the ETag names the profile's version, for If-Match on PATCH and status events.
     */
    @Get("/{id}")
    HttpResponse<CompanyDetail> get(UUID id) {
        Company company = registry.require(id);
        List<RoundSummary> history = rounds.of(id);
        RoundSummary latestValued = history.stream()
                .filter(RoundSummary::active)
                .filter(round -> round.postMoneyValuationUsd() != null)
                .max(Comparator.comparing(RoundSummary::announcedOn))
                .orElse(null);
        BigDecimal raisedUsd = history.stream()
                .filter(RoundSummary::active)
                .map(RoundSummary::usd)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        CompanyDetail detail = new CompanyDetail(company.toProfile(), raisedUsd,
                latestValued == null ? null : new LatestValuation(latestValued.postMoneyValuationUsd(),
                        latestValued.announcedOn().toString(), latestValued.id()),
                history);
        return HttpResponse.ok(detail).header(HttpHeaders.ETAG, EntityTags.of(company.version()));
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API handed out");
        }
    }

    @Serdeable
    record CompanyPage(List<CompanyData> items, @Nullable String next) {
    }

    /**
     * @param raisedUsd       the sum of the disclosed USD amounts of its active rounds
     * @param latestValuation the post-money valuation of its latest round that reported one
     */
    @Serdeable
    record CompanyDetail(CompanyProfileData company, BigDecimal raisedUsd, @Nullable LatestValuation latestValuation,
                         List<RoundSummary> rounds) {
    }

    @Serdeable
    record LatestValuation(BigDecimal usd, String asOf, UUID roundId) {
    }
}
