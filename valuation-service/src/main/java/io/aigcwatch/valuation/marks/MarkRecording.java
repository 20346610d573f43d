package io.aigcwatch.valuation.marks;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import io.aigcwatch.valuation.ledger.ValuationPoint;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records a valuation mark: checks it, has funding-service register its company and convert its figure (so that
 * ids and USD values agree suite-wide), then adds it to the ledger, which publishes any change.
 */
@Singleton
class MarkRecording {
    private static final List<String> BASES = List.of("REPORTED", "ESTIMATED");
    private static final List<String> LABELS = List.of("UNICORN", "DECACORN");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final FundingClient funding;
    private final ValuationLedger ledger;
    private final MarkDuplicates duplicates;
    private final TransactionOperations<Connection> transactions;
    private final InputLimits limits;
    private final Clock clock;

    MarkRecording(FundingClient funding, ValuationLedger ledger, MarkDuplicates duplicates,
                  TransactionOperations<Connection> transactions, InputLimits limits, Clock clock) {
        this.funding = funding;
        this.ledger = ledger;
        this.duplicates = duplicates;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    MarkView record(MarkRequest request) {
        FieldChecks checks = new FieldChecks();
        if (request.company() == null) {
            checks.add("company", "is required: its name, country and layer");
        } else {
            boundCompany(request.company(), checks);
        }
        BigDecimal given = request.valuation() == null ? null : request.valuation().value();
        if (given == null) {
            checks.add("valuation.value", "is required and must be positive");
        }
        BigDecimal value = checks.decimal("valuation.value", given, limits.amount());
        String currency = request.valuation() == null || request.valuation().currency() == null ? null
                : request.valuation().currency().trim().toUpperCase(Locale.ROOT);
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            checks.add("valuation.currency", "is required: an ISO 4217 code such as USD");
        }
        if (request.asOf() == null || !limits.allowsDate(request.asOf(), LocalDate.now(clock))) {
            checks.add("asOf", "is required: a date from " + limits.earliestDate() + " to "
                    + limits.daysAhead() + " days ahead");
        }
        String basis = request.basis() == null ? "REPORTED" : request.basis().trim().toUpperCase(Locale.ROOT);
        if (!BASES.contains(basis)) {
            checks.add("basis", FieldChecks.quoted(request.basis()) + " is not one of " + BASES);
        }
        String source = checks.optionalText("source", request.source(), limits.maxSourceLength());
        String listedAs = request.listedAs() == null ? null : request.listedAs().trim().toUpperCase(Locale.ROOT);
        if (listedAs != null && !LABELS.contains(listedAs)) {
            checks.add("listedAs", FieldChecks.quoted(request.listedAs()) + " is not one of " + LABELS);
        }
        checks.throwIfAny();
        CompanyData company = call("company", () -> funding.register(request.company()));
        FundingClient.Conversion usd = call("valuation", () -> funding.convert(currency, value.toPlainString(),
                request.asOf().toString()));
        if (usd.usd().compareTo(limits.maxValuationUsd()) > 0) {
            throw ProblemException.invalid("valuation.value", "is absurd: USD " + usd.usd().toPlainString());
        }
        return transactions.executeWrite(status -> {
            duplicates.rejectIfRecorded(company.id(), request.asOf(), source);
            ValuationPoint point = ledger.applyMark(company, request.asOf(), value, currency, usd.usd(), basis,
                    source, listedAs);
            return new MarkView(point.id(), company, request.asOf(), value, currency, usd.usd(), usd.unitsPerUsd(),
                    usd.rateDate(), basis, source, listedAs);
        });
    }

    /**
     * The company's texts and list within bounds before funding-service is asked anything; funding-service then
     * checks what they mean (a country code, a layer) and registers the company.
     */
    private void boundCompany(MarkRequest.Company company, FieldChecks checks) {
        checks.optionalText("company.name", company.name(), limits.maxNameLength());
        checks.optionalText("company.localName", company.localName(), limits.maxNameLength());
        checks.optionalText("company.country", company.country(), limits.maxWordLength());
        checks.optionalText("company.layer", company.layer(), limits.maxWordLength());
        List<String> segments = checks.list("company.segments", company.segments(), limits.maxSegments());
        for (int i = 0; i < segments.size(); i++) {
            checks.optionalText("company.segments[" + i + "]", segments.get(i), limits.maxWordLength());
        }
    }

    /**
     * funding-service's own 422 names fields of the company or the money; they are reported here under the
     * mark's field names. Anything else from it is a failure of a dependency, not of the request.
     */
    private static <T> T call(String prefix, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.UNPROCESSABLE_ENTITY) {
                throw ProblemException.invalid(fieldErrors(prefix, e));
            }
            throw unavailable(e);
        } catch (HttpClientException e) {
            throw unavailable(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> fieldErrors(String prefix, HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
        List<FieldError> errors = new ArrayList<>();
        for (Object error : (List<Object>) problem.getOrDefault("errors", List.of())) {
            Map<String, Object> field = (Map<String, Object>) error;
            String name = String.valueOf(field.get("field")).replaceFirst("^company\\.", "")
                    .replaceFirst("^currency$", "currency");
            errors.add(new FieldError(prefix + "." + name, String.valueOf(field.get("message"))));
        }
        return errors.isEmpty() ? List.of(new FieldError(prefix, String.valueOf(problem.get("detail")))) : errors;
    }

    private static ProblemException unavailable(Exception cause) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "funding-service, which registers companies and converts currencies, did not answer; retry later");
    }

    /** A recorded mark, with its USD value and the rate used. */
    @Serdeable
    record MarkView(UUID id, CompanyData company, LocalDate asOf, BigDecimal value, String currency, BigDecimal usd,
                    BigDecimal unitsPerUsd, LocalDate rateDate, String basis, String source, String listedAs) {
    }
}
