package io.aigcwatch.funding.round;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.aigcwatch.funding.fx.Conversion;
import io.aigcwatch.funding.fx.FxRates;
import io.aigcwatch.kit.outbox.Outbox;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records, corrects and retracts rounds. Each write and the CloudEvent that announces it are committed together
 * through the outbox; nothing here talks to Kafka.
 */
@Singleton
class RoundWriter {
    static final String EVENT_SOURCE = "/aigcwatch/funding-service";
    static final int DUPLICATE_WINDOW_DAYS = 30;
    /** No round of any company has come near this; a figure above it is a typo or an attack. */
    private static final BigDecimal MAX_ROUND_USD = new BigDecimal("1000000000000");
    private static final BigDecimal MAX_VALUATION_USD = new BigDecimal("100000000000000");

    private final FundingRoundRepository rounds;
    private final CompanyRegistry companies;
    private final FxRates rates;
    private final Outbox outbox;
    private final Clock clock;

    RoundWriter(FundingRoundRepository rounds, CompanyRegistry companies, FxRates rates, Outbox outbox, Clock clock) {
        this.rounds = rounds;
        this.companies = companies;
        this.rates = rates;
        this.outbox = outbox;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    RoundView record(ValidRound request) {
        Company company = companyOf(request.company());
        Instant now = now();
        FundingRound round = toEntity(UUID.randomUUID(), 1, company, request, now, now);
        rejectDuplicate(request, company, null);
        rounds.save(round);
        RoundView view = RoundView.of(round, company);
        publish(FundingEventTypes.RECORDED, company, view.toEventData(), now);
        return view;
    }

    @Transactional
    RoundView correct(UUID id, String ifMatch, ValidRound request) {
        FundingRound current = lockMatching(id, ifMatch);
        if (current.status() == RoundStatus.RETRACTED) {
            throw new ProblemException(HttpStatus.CONFLICT, "round-retracted",
                    "round " + id + " was retracted and can no longer be corrected");
        }
        Company company = companyOf(request.company());
        Instant now = now();
        FundingRound corrected = toEntity(id, current.version() + 1, company, request, current.recordedAt(), now);
        rejectDuplicate(request, company, id);
        rounds.update(corrected);
        RoundView view = RoundView.of(corrected, company);
        publish(FundingEventTypes.CORRECTED, company, view.toEventData(), now);
        return view;
    }

    @Transactional
    RoundView retract(UUID id, String ifMatch, @Nullable String reason) {
        FundingRound current = lockMatching(id, ifMatch);
        if (current.status() == RoundStatus.RETRACTED) {
            throw new ProblemException(HttpStatus.CONFLICT, "round-retracted", "round " + id + " is already retracted");
        }
        Instant now = now();
        FundingRound retracted = new FundingRound(current.id(), current.companyId(), current.version() + 1,
                RoundStatus.RETRACTED, current.roundType(), current.amountValue(), current.amountLow(),
                current.amountHigh(), current.currency(), current.amountPrecision(), current.usdValue(),
                current.usdLow(), current.usdHigh(), current.unitsPerUsd(), current.rateDate(),
                current.valuationValue(), current.valuationCurrency(), current.valuationUsd(),
                current.valuationUnitsPerUsd(), current.valuationRateDate(), current.announcedOn(),
                current.investors(), current.source(), reason, current.recordedAt(), now);
        rounds.update(retracted);
        Company company = companies.require(current.companyId());
        outbox.append(Topics.FUNDING_EVENTS, company.id().toString(), CloudEvent.of(EVENT_SOURCE,
                FundingEventTypes.RETRACTED, company.id().toString(), now,
                new FundingRetracted(id, company.id(), retracted.version(), reason)));
        return RoundView.of(retracted, company);
    }

    private FundingRound lockMatching(UUID id, String ifMatch) {
        FundingRound current = rounds.findByIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("funding event " + id));
        if (!EntityTags.matches(ifMatch, current.etag())) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-etag",
                    "If-Match " + ifMatch + " does not match the current version " + current.etag()
                            + "; read the round again and reapply your change");
        }
        return current;
    }

    private Company companyOf(ValidRound.CompanyRef ref) {
        if (ref.id() != null) {
            return companies.lock(ref.id()).orElseThrow(() -> ProblemException.invalid("company.id",
                    "no company has the id " + ref.id()));
        }
        return companies.resolveAndLock(ref.name(), ref.localName(), ref.country(), ref.layer(), ref.segments());
    }

    /** Race-free because {@link #companyOf} locked the company's row for the rest of the transaction. */
    private void rejectDuplicate(ValidRound request, Company company, @Nullable UUID self) {
        if (request.distinctRound()) {
            return;
        }
        rounds.findNear(company.id(), request.round(), request.announcedOn().minusDays(DUPLICATE_WINDOW_DAYS),
                        request.announcedOn().plusDays(DUPLICATE_WINDOW_DAYS), self == null ? new UUID(0, 0) : self)
                .ifPresent(existing -> {
                    throw ProblemException.conflictWith("duplicate-round",
                            company.name() + " already has a " + request.round() + " round announced on "
                                    + existing.announcedOn() + ", within " + DUPLICATE_WINDOW_DAYS
                                    + " days of this one. If it is a different round, send \"distinctRound\": true.",
                            existing.id().toString(), RoundController.location(existing.id()));
                });
    }

    private FundingRound toEntity(UUID id, long version, Company company, ValidRound request, Instant recordedAt,
                                  Instant updatedAt) {
        List<FieldError> errors = new ArrayList<>();
        ValidRound.Money amount = request.amount();
        Conversion rate = amount.precision() == AmountPrecision.UNDISCLOSED ? null
                : conversion("amount.currency", amount.currency(), request.announcedOn(), errors);
        BigDecimal usd = usd(rate, amount.value(), "amount.value", MAX_ROUND_USD, errors);
        BigDecimal usdLow = usd(rate, amount.low(), "amount.low", MAX_ROUND_USD, errors);
        BigDecimal usdHigh = usd(rate, amount.high(), "amount.high", MAX_ROUND_USD, errors);
        ValidRound.Money valuation = request.postMoneyValuation();
        Conversion valuationRate = valuation == null ? null
                : conversion("postMoneyValuation.currency", valuation.currency(), request.announcedOn(), errors);
        BigDecimal valuationUsd = valuation == null ? null
                : usd(valuationRate, valuation.value(), "postMoneyValuation.value", MAX_VALUATION_USD, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new FundingRound(id, company.id(), version, RoundStatus.ACTIVE, request.round(),
                amount.value(), amount.low(), amount.high(), amount.currency(), amount.precision(),
                usd, usdLow, usdHigh,
                rate == null ? null : rate.unitsPerUsd(), rate == null ? null : rate.rateDate(),
                valuation == null ? null : valuation.value(), valuation == null ? null : valuation.currency(),
                valuationUsd, valuationRate == null ? null : valuationRate.unitsPerUsd(),
                valuationRate == null ? null : valuationRate.rateDate(),
                request.announcedOn(), request.investors(), request.source(), null, recordedAt, updatedAt);
    }

    private Conversion conversion(String field, String currency, LocalDate on, List<FieldError> errors) {
        return rates.on(currency, on).orElseGet(() -> {
            errors.add(new FieldError(field, "no " + currency + " to USD rate is known for " + on.withDayOfMonth(1)
                    .toString().substring(0, 7) + "; rates exist for " + rates.currencies()
                    + " from 2020-01, and an admin can add one with PUT /fx-rates/" + currency + "/"
                    + on.toString().substring(0, 7)));
            return null;
        });
    }

    private static BigDecimal usd(@Nullable Conversion rate, @Nullable BigDecimal amount, String field, BigDecimal max,
                                  List<FieldError> errors) {
        if (rate == null || amount == null) {
            return null;
        }
        BigDecimal usd = rate.toUsd(amount);
        if (usd.compareTo(max) > 0) {
            errors.add(new FieldError(field, "is absurd: USD " + usd.toPlainString() + " is more than USD "
                    + max.toPlainString()));
        }
        return usd;
    }

    private void publish(String type, Company company, Object data, Instant now) {
        outbox.append(Topics.FUNDING_EVENTS, company.id().toString(),
                CloudEvent.of(EVENT_SOURCE, type, company.id().toString(), now, data));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; a response must show exactly what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
