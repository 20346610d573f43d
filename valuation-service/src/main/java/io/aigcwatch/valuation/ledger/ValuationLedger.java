package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.PoisonMessage;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps each company's valuation history and derives its current valuation and unicorn status from it. The
 * current valuation is the latest point by as-of date, not by arrival, so a late old round never overwrites a
 * newer valuation. A round counts at its newest version only, for the company that version names, whatever order
 * its versions arrive in. Every change of the current valuation or status is published through the outbox.
 *
 * <p>Set-based: a batch of changes loads the state of every round and company it touches at once
 * ({@link LedgerStore}), applies the changes to it in memory in their order, each exactly as if it were alone, and
 * writes what changed and the events it announces with a few statements. A change never sees the database
 * between two changes of its batch, only the state its predecessors left in memory.
 */
@Singleton
public class ValuationLedger {
    static final String EVENT_SOURCE = "/aigcwatch/valuation-service";

    private final LedgerStore store;
    private final ChangeLog changeLog;
    private final Outbox outbox;
    private final Clock clock;
    /** The last instant handed out, so that changes applied in one batch are stamped in their order. */
    private final AtomicReference<Instant> lastStamp = new AtomicReference<>(Instant.EPOCH);

    ValuationLedger(LedgerStore store, ChangeLog changeLog, Outbox outbox, Clock clock) {
        this.store = store;
        this.changeLog = changeLog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies funding events in their order. A recorded or corrected round: its post-money valuation, if it has one,
     * is the round's point. A version no newer than the one applied changes nothing. A round corrected to name
     * another company stops counting for the one it named before, and both are recomputed. A retraction wins over
     * every lower version of its round, and one of those arriving later changes nothing.
     *
     * @throws PoisonMessage when a retraction names a company this service never saw (nor does an earlier change
     *                       of the batch), which can never apply: nothing of the batch is written then
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void apply(List<FundingChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Set<UUID> roundIds = new HashSet<>();
        Set<UUID> companyIds = new HashSet<>();
        for (FundingChange change : changes) {
            if (change.roundId() != null) {
                roundIds.add(change.roundId());
            }
            companyIds.add(change.companyId());
        }
        LedgerState state = store.load(roundIds, companyIds);
        List<CloudEvent<ValuationChanged>> published = new ArrayList<>();
        for (FundingChange change : changes) {
            Instant now = stamp();
            if (change instanceof FundingChange.Round round) {
                applyRound(state, round.eventId(), round.round(), now, published);
            } else if (change instanceof FundingChange.Retraction retraction) {
                applyRetraction(state, retraction.eventId(), retraction.retraction(), now, published);
            } else if (change instanceof FundingChange.Profile profile) {
                applyProfile(state, profile.company(), now);
            } else if (change instanceof FundingChange.Status status) {
                applyStatus(state, status.eventId(), status.change(), now, published);
            }
        }
        write(state, published);
    }

    /** A valuation reported or estimated without a round; its company is the one funding-service registered. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ValuationPoint applyMark(CompanyData company, LocalDate asOf, BigDecimal amount, String currency,
                                    BigDecimal usd, String basis, @Nullable String source, @Nullable String listedAs) {
        LedgerState state = store.load(Set.of(), Set.of(company.id()));
        Instant now = stamp();
        remember(state, company, now);
        UUID markId = UUID.randomUUID();
        ValuationPoint point = new ValuationPoint(markId, company.id(), ValuationPoint.MARK, markId, markId, asOf,
                amount, currency, usd, basis, source, true, now, listedAs);
        state.put(point);
        List<CloudEvent<ValuationChanged>> published = new ArrayList<>();
        recompute(state, company.id(), new Cause(ValuationPoint.MARK, markId, markId, null), now, published);
        write(state, published);
        return point;
    }

    private void applyRound(LedgerState state, UUID eventId, FundingRoundData round, Instant now,
                            List<CloudEvent<ValuationChanged>> published) {
        if (!state.advance(round.roundId(), round.version())) {
            return;
        }
        remember(state, round.company(), now);
        Optional<ValuationPoint> existing = state.roundPoint(round.roundId());
        if (round.postMoneyValuation() != null && round.postMoneyValuation().usd() != null) {
            state.put(new ValuationPoint(existing.map(ValuationPoint::id).orElseGet(UUID::randomUUID),
                    round.company().id(), ValuationPoint.ROUND, round.roundId(), eventId, round.announcedOn(),
                    round.postMoneyValuation().value(), round.postMoneyValuation().currency(),
                    round.postMoneyValuation().usd(), "REPORTED", round.source(), true, now, null));
        } else {
            existing.ifPresent(point -> state.put(point.withActive(false)));
        }
        recompute(state, round.company().id(), Cause.round(round.roundId(), eventId), existing,
                Cause.withdrawn(round.roundId(), eventId, Cause.MOVED_ROUND), now, published);
    }

    private void applyRetraction(LedgerState state, UUID eventId, FundingRetracted retraction, Instant now,
                                 List<CloudEvent<ValuationChanged>> published) {
        if (!state.knows(retraction.companyId())) {
            throw new PoisonMessage("unknown company " + retraction.companyId() + " in a retraction");
        }
        if (!state.advance(retraction.roundId(), retraction.version())) {
            return;
        }
        Optional<ValuationPoint> existing = state.roundPoint(retraction.roundId());
        existing.ifPresent(point -> state.put(point.withActive(false)));
        Cause cause = Cause.withdrawn(retraction.roundId(), eventId, Cause.RETRACTED_ROUND);
        recompute(state, retraction.companyId(), cause, existing, cause, now, published);
    }

    private static void remember(LedgerState state, CompanyData company, Instant now) {
        TrackedCompany known = state.knows(company.id()) ? state.company(company.id())
                : new TrackedCompany(company.id(), company.name(), null, null, null, now, CompanyStatus.ACTIVE, null, 0);
        state.remember(known.renamed(company.name(), company.localName(), company.country(), company.layer(), now));
    }

    /**
     * company.updated: the copy takes the profile's name, local name, country and layer, unless it has applied
     * that version or a newer one already (a late or repeated edit changes nothing). Its valuation and unicorn
     * status do not move; totals by status stay as they are.
     */
    private static void applyProfile(LedgerState state, CompanyProfileData profile, Instant now) {
        Optional<TrackedCompany> known = state.knows(profile.id()) ? Optional.of(state.company(profile.id()))
                : Optional.empty();
        if (known.isPresent() && known.get().profileVersion() >= profile.version()) {
            return;
        }
        state.remember(profiled(profile, now));
    }

    /**
     * company.status-changed: the copy takes the whole profile, then the company is recomputed, so that an exit
     * takes it off the unicorns (leftReason EXIT, or CLOSED) and a return to ACTIVE puts it back if its valuation
     * is still at or above the line. Its valuation points stay: the history is kept.
     */
    private void applyStatus(LedgerState state, UUID eventId, CompanyStatusChanged change, Instant now,
                             List<CloudEvent<ValuationChanged>> published) {
        CompanyProfileData profile = change.company();
        if (state.knows(profile.id()) && state.company(profile.id()).profileVersion() >= profile.version()) {
            return;
        }
        state.remember(profiled(profile, now));
        recompute(state, profile.id(), Cause.status(change.eventId(), eventId, change.status()), now, published);
    }

    private static TrackedCompany profiled(CompanyProfileData profile, Instant now) {
        return new TrackedCompany(profile.id(), profile.name(), profile.localName(), profile.country(),
                profile.layer(), now, profile.status(), profile.statusSince(), profile.version());
    }

    /**
     * Recomputes the round's company and, if the round counted for another company until now, that one too, in
     * the order of their ids, as the events of one change are published.
     */
    private void recompute(LedgerState state, UUID companyId, Cause cause, Optional<ValuationPoint> before,
                           Cause leftBehind, Instant now, List<CloudEvent<ValuationChanged>> published) {
        Map<UUID, Cause> affected = new TreeMap<>();
        before.map(ValuationPoint::companyId)
                .filter(previous -> !previous.equals(companyId))
                .ifPresent(previous -> affected.put(previous, leftBehind));
        affected.put(companyId, cause);
        affected.forEach((company, why) -> recompute(state, company, why, now, published));
    }

    private void recompute(LedgerState state, UUID companyId, Cause cause, Instant now,
                           List<CloudEvent<ValuationChanged>> published) {
        Optional<CompanyValuation> stored = state.valuation(companyId);
        CompanyValuation before = stored.orElseGet(() -> CompanyValuation.none(companyId, now));
        ValuationPoint current = state.current(companyId).orElse(null);
        BigDecimal usd = current == null ? null : current.usd();
        // an exited company keeps its valuation but is no private unicorn: it counts as NONE until it is ACTIVE again
        UnicornStatus status = exited(state, companyId) ? UnicornStatus.NONE : UnicornStatus.of(usd);
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
        state.put(after);
        published.add(announce(state.company(companyId), before, after, transition, cause, now));
    }

    private static boolean exited(LedgerState state, UUID companyId) {
        return state.knows(companyId) && state.company(companyId).status().exited();
    }

    private static String leftReason(Cause cause) {
        if (cause.withdrawal() != null) {
            return cause.withdrawal();
        }
        return ValuationPoint.MARK.equals(cause.type()) ? "DOWN_MARK" : "DOWN_ROUND";
    }

    private static CloudEvent<ValuationChanged> announce(TrackedCompany company, CompanyValuation before,
                                                         CompanyValuation after, StatusTransition transition,
                                                         Cause cause, Instant now) {
        ValuationChanged change = new ValuationChanged(company.id(), company.name(), company.country(),
                company.layer(), before.usd(), after.usd(), changePct(before.usd(), after.usd()), before.status(),
                after.status(), transition, after.asOf(), after.basis(), cause.type(), cause.id(), cause.eventId(),
                transition == StatusTransition.LEFT ? after.leftReason() : null);
        return CloudEvent.of(EVENT_SOURCE, ValuationChanged.TYPE, company.id().toString(), now, change);
    }

    /**
     * The state, then the events that announce it, in the order they happened; keyed by company (the subject). The
     * events are serialised before the first write, and the unicorn totals, whose few rows every batch updates,
     * are written last: the other consumer thread waits on those rows until this transaction commits.
     */
    private void write(LedgerState state, List<CloudEvent<ValuationChanged>> published) {
        List<String> payloads = changeLog.payloads(published);
        store.write(state);
        outbox.appendAll(Topics.VALUATION_CHANGES, published, payloads);
        changeLog.appendAll(published, payloads);
        store.addToUnicornStats(state);
    }

    static @Nullable BigDecimal changePct(@Nullable BigDecimal previous, @Nullable BigDecimal current) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_EVEN);
    }

    /**
     * The clock's instant to the microsecond the database keeps, but always after the last one handed out: a
     * point's recorded_at orders two points of one as-of date, and must follow the order the changes applied in,
     * as it did when each change had a transaction (and an instant) of its own.
     */
    private Instant stamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return lastStamp.accumulateAndGet(now, (last, fresh) -> fresh.isAfter(last) ? fresh : last.plus(1, ChronoUnit.MICROS));
    }
}
