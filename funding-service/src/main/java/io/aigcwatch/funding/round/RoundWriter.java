package io.aigcwatch.funding.round;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingEventSources;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.aigcwatch.funding.fx.Conversion;
import io.aigcwatch.funding.investor.InvestorLinks;
import io.aigcwatch.kit.outbox.Outbox;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records, corrects and retracts rounds that {@link RoundValidator} passed. Each write and the CloudEvent that
 * announces it are committed together through the outbox; nothing here talks to Kafka.
 */
@Singleton
class RoundWriter {
    static final int DUPLICATE_WINDOW_DAYS = 30;

    private final FundingRoundRepository rounds;
    private final CompanyRegistry companies;
    private final Outbox outbox;
    private final InvestorLinks investors;
    private final Clock clock;

    RoundWriter(FundingRoundRepository rounds, CompanyRegistry companies, Outbox outbox, InvestorLinks investors,
                Clock clock) {
        this.rounds = rounds;
        this.companies = companies;
        this.outbox = outbox;
        this.investors = investors;
        this.clock = clock;
    }

    @Transactional
    RoundView record(ValidRound request) {
        Company company = companies.lock(request.company());
        Instant now = now();
        FundingRound round = toEntity(UUID.randomUUID(), 1, company, request, now, now);
        rejectDuplicate(request, company, null);
        rounds.save(round);
        rounds.addToStats(List.of(round.id()), 1);
        investors.linkActive(List.of(round.investorLinks()));
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
        companies.lockInIdOrder(current.companyId(), request.company());
        Company company = companies.lock(request.company());
        Instant now = now();
        FundingRound corrected = toEntity(id, current.version() + 1, company, request, current.recordedAt(), now);
        rejectDuplicate(request, company, id);
        rounds.addToStats(List.of(id), -1);
        investors.addToStats(List.of(id), -1);
        rounds.update(corrected);
        rounds.addToStats(List.of(id), 1);
        investors.unlink(id);
        investors.linkActive(List.of(corrected.investorLinks()));
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
                current.announcedPrecision(),
                current.investors(), current.source(), reason, current.recordedAt(), now,
                current.disagreements());
        rounds.addToStats(List.of(id), -1);
        investors.addToStats(List.of(id), -1);
        rounds.update(retracted);
        Company company = companies.require(current.companyId());
        publish(FundingEventTypes.RETRACTED, company, new FundingRetracted(id, company.id(), retracted.version(), reason),
                now);
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

    /** Race-free because {@link CompanyRegistry#lock} locked the company's row for the rest of the transaction. */
    private void rejectDuplicate(ValidRound request, Company company, @Nullable UUID self) {
        if (request.distinctRound()) {
            return;
        }
        rounds.findNear(company.id(), request.round(), request.announcedOn().minusDays(DUPLICATE_WINDOW_DAYS),
                        request.announcedOn().plusDays(DUPLICATE_WINDOW_DAYS), self == null ? new UUID(0, 0) : self)
                .ifPresent(existing -> {
                    throw ProblemException.conflictWith("duplicate-round",
                            duplicateRound(company, request.round(), existing.announcedOn()),
                            existing.id().toString(), RoundPaths.of(existing.id()));
                });
    }

    static String duplicateRound(Company company, RoundType round, LocalDate existingOn) {
        return company.name() + " already has a " + round + " round announced on " + existingOn + ", within "
                + DUPLICATE_WINDOW_DAYS + " days of this one. If it is a different round, send \"distinctRound\": true.";
    }

    static FundingRound toEntity(UUID id, long version, Company company, ValidRound request,
                                         Instant recordedAt, Instant updatedAt) {
        ValidRound.Money amount = request.amount();
        ValidRound.Money valuation = request.postMoneyValuation();
        Conversion rate = amount.rate();
        Conversion valuationRate = valuation == null ? null : valuation.rate();
        return new FundingRound(id, company.id(), version, RoundStatus.ACTIVE, request.round(),
                amount.value(), amount.low(), amount.high(), amount.currency(), amount.precision(),
                amount.usd(), amount.usdLow(), amount.usdHigh(),
                rate == null ? null : rate.unitsPerUsd(), rate == null ? null : rate.rateDate(),
                valuation == null ? null : valuation.value(), valuation == null ? null : valuation.currency(),
                valuation == null ? null : valuation.usd(),
                valuationRate == null ? null : valuationRate.unitsPerUsd(),
                valuationRate == null ? null : valuationRate.rateDate(),
                request.announcedOn(), request.announcedPrecision(), request.investors(), request.source(), null,
                recordedAt, updatedAt, company.disagreements(request.company()));
    }

    private void publish(String type, Company company, Object data, Instant now) {
        outbox.append(Topics.FUNDING_EVENTS, company.id().toString(),
                event(FundingEventSources.SERVICE, type, company, data, now));
    }

    /**
     * The CloudEvent that announces a change to one of {@code company}'s rounds, keyed and subjected by its id.
     *
     * @param source {@link FundingEventSources#SERVICE} for a round recorded one by one, or the import job's
     *               ({@link FundingEventSources#importJob}): consumers tell the two apart by it
     */
    static CloudEvent<?> event(String source, String type, Company company, Object data, Instant now) {
        return CloudEvent.of(source, type, company.id().toString(), now, data);
    }

    static Instant now(Clock clock) {
        // PostgreSQL keeps microseconds; a response must show exactly what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return now(clock);
    }
}
