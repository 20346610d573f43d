package io.aigcwatch.valuation.marks;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.limits.InputLimits;
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

/**
 * Records a valuation mark: checks it, has funding-service register its company and convert its figure (so that
 * ids and USD values agree suite-wide), then adds it to the ledger, which publishes any change.
 */
@Singleton
class MarkRecording {
    private static final List<String> BASES = List.of("REPORTED", "ESTIMATED");

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
        List<FieldError> errors = new ArrayList<>();
        if (request.company() == null) {
            errors.add(new FieldError("company", "is required: its name, country and layer"));
        }
        BigDecimal value = request.valuation() == null ? null : request.valuation().value();
        String currency = request.valuation() == null || request.valuation().currency() == null ? null
                : request.valuation().currency().trim().toUpperCase(Locale.ROOT);
        if (value == null || value.signum() <= 0) {
            errors.add(new FieldError("valuation.value", "is required and must be positive"));
        }
        if (currency == null || currency.length() != 3) {
            errors.add(new FieldError("valuation.currency", "is required: an ISO 4217 code such as USD"));
        }
        if (request.asOf() == null || !limits.allowsDate(request.asOf(), LocalDate.now(clock))) {
            errors.add(new FieldError("asOf", "is required: a date from " + limits.earliestDate() + " to "
                    + limits.daysAhead() + " days ahead"));
        }
        String basis = request.basis() == null ? "REPORTED" : request.basis().trim().toUpperCase(Locale.ROOT);
        if (!BASES.contains(basis)) {
            errors.add(new FieldError("basis", "'" + request.basis() + "' is not one of " + BASES));
        }
        if (request.source() != null && request.source().length() > limits.maxSourceLength()) {
            errors.add(new FieldError("source", "must be at most " + limits.maxSourceLength() + " characters"));
        }
        String listedAs = request.listedAs() == null ? null : request.listedAs().trim().toUpperCase(Locale.ROOT);
        if (listedAs != null && !List.of("UNICORN", "DECACORN").contains(listedAs)) {
            errors.add(new FieldError("listedAs", "'" + request.listedAs() + "' is not one of [UNICORN, DECACORN]"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CompanyData company = call("company", () -> funding.register(request.company()));
        FundingClient.Conversion usd = call("valuation", () -> funding.convert(currency, value.toPlainString(),
                request.asOf().toString()));
        if (usd.usd().compareTo(limits.maxValuationUsd()) > 0) {
            throw ProblemException.invalid("valuation.value", "is absurd: USD " + usd.usd().toPlainString());
        }
        String source = request.source() == null || request.source().isBlank() ? null : request.source().strip();
        return transactions.executeWrite(status -> {
            duplicates.rejectIfRecorded(company.id(), request.asOf(), source);
            ValuationPoint point = ledger.applyMark(company, request.asOf(), value, currency, usd.usd(), basis,
                    source, listedAs);
            return new MarkView(point.id(), company, request.asOf(), value, currency, usd.usd(), usd.unitsPerUsd(),
                    usd.rateDate(), basis, source, listedAs);
        });
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
