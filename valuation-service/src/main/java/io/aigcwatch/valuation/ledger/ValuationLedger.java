package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps each company's valuation history and derives its current valuation and unicorn status from it. The
 * current valuation is the latest point by as-of date, not by arrival, so a late old round never overwrites a
 * newer valuation. A round counts at its newest version only, for the company that version names, whatever order
 * its versions arrive in. Every change of the current valuation or status is published through the outbox.
 */
@Singleton
public class ValuationLedger {
    static final String EVENT_SOURCE = "/aigcwatch/valuation-service";

    private final TrackedCompanyRepository companies;
    private final RoundVersionRepository roundVersions;
    private final ValuationPointRepository points;
    private final CompanyValuationRepository valuations;
    private final ChangeLog changeLog;
    private final Outbox outbox;
    private final Clock clock;

    ValuationLedger(TrackedCompanyRepository companies, RoundVersionRepository roundVersions,
                    ValuationPointRepository points, CompanyValuationRepository valuations, ChangeLog changeLog,
                    Outbox outbox, Clock clock) {
        this.companies = companies;
        this.roundVersions = roundVersions;
        this.points = points;
        this.valuations = valuations;
        this.changeLog = changeLog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A recorded or corrected round: its post-money valuation, if it has one, is the round's point. A version no
     * newer than the one applied changes nothing. A round corrected to name another company stops counting for the
     * one it named before, and both are recomputed.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void applyRound(UUID eventId, FundingRoundData round) {
        if (!isNewest(round.roundId(), round.version())) {
            return;
        }
        remember(round.company());
        Optional<ValuationPoint> existing = points.findByCauseTypeAndCauseId(ValuationPoint.ROUND, round.roundId());
        if (round.postMoneyValuation() != null && round.postMoneyValuation().usd() != null) {
            ValuationPoint point = new ValuationPoint(existing.map(ValuationPoint::id).orElseGet(UUID::randomUUID),
                    round.company().id(), ValuationPoint.ROUND, round.roundId(), eventId, round.announcedOn(),
                    round.postMoneyValuation().value(), round.postMoneyValuation().currency(),
                    round.postMoneyValuation().usd(), "REPORTED", round.source(), true, now(), null);
            if (existing.isPresent()) {
                points.update(point);
            } else {
                points.save(point);
            }
        } else {
            existing.ifPresent(point -> points.update(point.withActive(false)));
        }
        recompute(round.company().id(), Cause.round(round.roundId(), eventId), existing,
                Cause.withdrawn(round.roundId(), eventId, Cause.MOVED_ROUND));
    }

    /** A valuation reported or estimated without a round; its company is the one funding-service registered. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ValuationPoint applyMark(CompanyData company, LocalDate asOf, BigDecimal amount, String currency,
                                    BigDecimal usd, String basis, @Nullable String source, @Nullable String listedAs) {
        remember(company);
        UUID markId = UUID.randomUUID();
        ValuationPoint point = new ValuationPoint(markId, company.id(), ValuationPoint.MARK, markId, markId, asOf,
                amount, currency, usd, basis, source, true, now(), listedAs);
        points.save(point);
        recompute(company.id(), new Cause(ValuationPoint.MARK, markId, markId, null));
        return point;
    }

    /**
     * A retraction wins over every lower version of its round, and one of those arriving later changes nothing.
     *
     * @return false when the round's company is unknown here, which makes the event a poison message
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean applyRetraction(UUID eventId, FundingRetracted retraction) {
        if (!companies.existsById(retraction.companyId())) {
            return false;
        }
        if (!isNewest(retraction.roundId(), retraction.version())) {
            return true;
        }
        Optional<ValuationPoint> existing = points.findByCauseTypeAndCauseId(ValuationPoint.ROUND, retraction.roundId());
        existing.ifPresent(point -> points.update(point.withActive(false)));
        Cause cause = Cause.withdrawn(retraction.roundId(), eventId, Cause.RETRACTED_ROUND);
        recompute(retraction.companyId(), cause, existing, cause);
        return true;
    }

    /**
     * Whether this version of the round is newer than any applied, in which case it is the round's newest from now
     * on. Versions of a round that moved to another company travel on different partitions (producers key by
     * company), so an older one can arrive after a newer one.
     */
    private boolean isNewest(UUID roundId, long version) {
        return roundVersions.advance(roundId, version) == 1;
    }

    private void remember(CompanyData company) {
        TrackedCompany tracked = new TrackedCompany(company.id(), company.name(), company.localName(),
                company.country(), company.layer(), now());
        if (companies.existsById(company.id())) {
            companies.update(tracked);
        } else {
            companies.save(tracked);
        }
    }

    /**
     * Recomputes the round's company and, if the round counted for another company until now, that one too, in
     * the order of their ids: two rounds moving in opposite directions then never lock the two companies in
     * opposite orders.
     */
    private void recompute(UUID companyId, Cause cause, Optional<ValuationPoint> before, Cause leftBehind) {
        Map<UUID, Cause> affected = new TreeMap<>();
        before.map(ValuationPoint::companyId)
                .filter(previous -> !previous.equals(companyId))
                .ifPresent(previous -> affected.put(previous, leftBehind));
        affected.put(companyId, cause);
        affected.forEach(this::recompute);
    }

    private void recompute(UUID companyId, Cause cause) {
        Instant now = now();
        Optional<CompanyValuation> stored = valuations.lock(companyId);
        CompanyValuation before = stored.orElseGet(() -> CompanyValuation.none(companyId, now));
        List<ValuationPoint> history = points.findActiveInOrder(companyId);
        ValuationPoint current = history.isEmpty() ? null : history.get(history.size() - 1);
        BigDecimal usd = current == null ? null : current.usd();
        UnicornStatus status = UnicornStatus.of(usd);
        StatusTransition transition = StatusTransition.between(before.status(), status);
        boolean valuationMoved = before.usd() == null ? usd != null : usd == null || before.usd().compareTo(usd) != 0;
        if (!valuationMoved && before.status() == status) {
            return;
        }
        String leftReason = transition == StatusTransition.LEFT ? leftReason(cause) : before.leftReason();
        LocalDate asOf = current == null ? LocalDate.now(clock) : current.asOf();
        CompanyValuation after = new CompanyValuation(companyId, current == null ? null : current.id(), usd,
                current == null ? null : current.asOf(), current == null ? null : current.basis(), status,
                transition == StatusTransition.ENTERED ? asOf : before.joinedOn(),
                transition == StatusTransition.LEFT ? asOf : (transition == StatusTransition.ENTERED ? null : before.leftOn()),
                transition == StatusTransition.ENTERED ? null : leftReason, now);
        if (stored.isPresent()) {
            valuations.update(after);
        } else {
            valuations.save(after);
        }
        publish(companyId, before, after, transition, cause, now);
    }

    private static String leftReason(Cause cause) {
        if (cause.withdrawal() != null) {
            return cause.withdrawal();
        }
        return ValuationPoint.MARK.equals(cause.type()) ? "DOWN_MARK" : "DOWN_ROUND";
    }

    private void publish(UUID companyId, CompanyValuation before, CompanyValuation after, StatusTransition transition,
                         Cause cause, Instant now) {
        TrackedCompany company = companies.findById(companyId).orElseThrow();
        ValuationChanged change = new ValuationChanged(companyId, company.name(), company.country(), company.layer(),
                before.usd(), after.usd(), changePct(before.usd(), after.usd()), before.status(), after.status(),
                transition, after.asOf(), after.basis(), cause.type(), cause.id(), cause.eventId(),
                transition == StatusTransition.LEFT ? after.leftReason() : null);
        CloudEvent<ValuationChanged> event = CloudEvent.of(EVENT_SOURCE, ValuationChanged.TYPE, companyId.toString(),
                now, change);
        outbox.append(Topics.VALUATION_CHANGES, companyId.toString(), event);
        changeLog.append(event);
    }

    static @Nullable BigDecimal changePct(@Nullable BigDecimal previous, @Nullable BigDecimal current) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_EVEN);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
