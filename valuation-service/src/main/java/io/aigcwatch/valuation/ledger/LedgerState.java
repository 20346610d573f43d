package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.valuation.UnicornStatus;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the ledger knows of the rounds and companies of one batch of changes, loaded once and changed in memory, in
 * the changes' order, exactly as the rows would be changed one change at a time; {@link LedgerStore} then writes
 * what changed with a few statements. Only the rounds and companies the batch touches are held.
 */
final class LedgerState {
    /** The order of the history query: a company's current point is its last active one. */
    static final Comparator<ValuationPoint> HISTORY_ORDER = Comparator.comparing(ValuationPoint::asOf)
            .thenComparing(ValuationPoint::recordedAt).thenComparing(ValuationPoint::id);

    private final Map<UUID, Long> versions;
    private final Map<UUID, Long> loadedVersions;
    private final Map<UUID, TrackedCompany> companies;
    private final Map<UUID, TrackedCompany> storedCompanies;
    private final Map<UUID, CompanyValuation> valuations;
    private final Map<UUID, CompanyValuation> storedValuations;
    private final Map<UUID, ValuationPoint> roundPoints = new HashMap<>();
    private final Map<UUID, Map<UUID, ValuationPoint>> activeByCompany = new HashMap<>();
    private final Map<UUID, TrackedCompany> changedCompanies = new LinkedHashMap<>();
    private final Map<UUID, ValuationPoint> changedPoints = new LinkedHashMap<>();
    private final Map<UUID, CompanyValuation> changedValuations = new LinkedHashMap<>();

    /**
     * @param versions    the newest applied version of each round of the batch that has one; a round without one
     *                    takes its next event whatever its version
     * @param points      the points of the batch's rounds, and the active points of every company they touch
     * @param valuations  the stored current valuation of those companies that have one
     */
    LedgerState(Map<UUID, Long> versions, List<TrackedCompany> companies, List<CompanyValuation> valuations,
                List<ValuationPoint> points) {
        this.versions = new HashMap<>(versions);
        this.loadedVersions = Map.copyOf(versions);
        this.companies = new HashMap<>();
        companies.forEach(company -> this.companies.put(company.id(), company));
        this.storedCompanies = Map.copyOf(this.companies);
        this.valuations = new HashMap<>();
        valuations.forEach(valuation -> this.valuations.put(valuation.companyId(), valuation));
        this.storedValuations = Map.copyOf(this.valuations);
        points.forEach(this::index);
    }

    /** Takes {@code version} as the round's newest if it is newer than any applied: whether it is to be applied. */
    boolean advance(UUID roundId, long version) {
        Long newest = versions.get(roundId);
        if (newest != null && newest >= version) {
            return false;
        }
        versions.put(roundId, version);
        return true;
    }

    boolean knows(UUID companyId) {
        return companies.containsKey(companyId);
    }

    TrackedCompany company(UUID companyId) {
        TrackedCompany company = companies.get(companyId);
        if (company == null) {
            throw new IllegalStateException("no company " + companyId + " among the loaded ones");
        }
        return company;
    }

    void remember(TrackedCompany company) {
        companies.put(company.id(), company);
        changedCompanies.put(company.id(), company);
    }

    Optional<ValuationPoint> roundPoint(UUID roundId) {
        return Optional.ofNullable(roundPoints.get(roundId));
    }

    /** Adds the point, or replaces the one with its id. */
    void put(ValuationPoint given) {
        ValuationPoint point = given.asStored();
        ValuationPoint before = ValuationPoint.ROUND.equals(point.causeType()) ? roundPoints.get(point.causeId()) : null;
        if (before != null) {
            Map<UUID, ValuationPoint> active = activeByCompany.get(before.companyId());
            if (active != null) {
                active.remove(before.id());
            }
        }
        index(point);
        changedPoints.put(point.id(), point);
    }

    private void index(ValuationPoint point) {
        if (ValuationPoint.ROUND.equals(point.causeType())) {
            roundPoints.put(point.causeId(), point);
        }
        if (point.active()) {
            activeByCompany.computeIfAbsent(point.companyId(), id -> new HashMap<>()).put(point.id(), point);
        }
    }

    /** The company's current point: its last active one in history order. */
    Optional<ValuationPoint> current(UUID companyId) {
        Map<UUID, ValuationPoint> active = activeByCompany.get(companyId);
        return active == null ? Optional.empty() : active.values().stream().max(HISTORY_ORDER);
    }

    Optional<CompanyValuation> valuation(UUID companyId) {
        return Optional.ofNullable(valuations.get(companyId));
    }

    void put(CompanyValuation valuation) {
        valuations.put(valuation.companyId(), valuation);
        changedValuations.put(valuation.companyId(), valuation);
    }

    /**
     * The rounds whose newest version changed, with it.
     *
     * @param stored true for the rounds that had a version stored, false for those that had none
     */
    Map<UUID, Long> changedVersions(boolean stored) {
        Map<UUID, Long> changed = new LinkedHashMap<>();
        versions.forEach((roundId, version) -> {
            if (loadedVersions.containsKey(roundId) == stored && !version.equals(loadedVersions.get(roundId))) {
                changed.put(roundId, version);
            }
        });
        return changed;
    }

    List<TrackedCompany> changedCompanies() {
        return List.copyOf(changedCompanies.values());
    }

    List<ValuationPoint> changedPoints() {
        return List.copyOf(changedPoints.values());
    }

    /**
     * What the batch changed in the count and the sum of each status other than NONE, per country and layer: each
     * company whose valuation or whose country or layer changed leaves its stored row (if it was a unicorn) and
     * joins its row now. Keys in order, so that two batches lock the rows in one order.
     */
    Map<UnicornStatKey, UnicornDelta> unicornDeltas() {
        Map<UnicornStatKey, UnicornDelta> deltas = new TreeMap<>();
        Set<UUID> moved = new LinkedHashSet<>(changedValuations.keySet());
        moved.addAll(changedCompanies.keySet());
        moved.forEach(companyId -> {
            count(deltas, storedValuations.get(companyId), storedCompanies.get(companyId), -1);
            count(deltas, valuations.get(companyId), companies.get(companyId), 1);
        });
        deltas.values().removeIf(UnicornDelta::isNothing);
        return deltas;
    }

    private static void count(Map<UnicornStatKey, UnicornDelta> deltas, @Nullable CompanyValuation valuation,
                              @Nullable TrackedCompany company, int sign) {
        if (valuation == null || valuation.status() == UnicornStatus.NONE || valuation.usd() == null) {
            return;
        }
        deltas.merge(UnicornStatKey.of(valuation.status(), company),
                new UnicornDelta(sign, valuation.usd().multiply(BigDecimal.valueOf(sign))), UnicornDelta::plus);
    }

    /** A row of unicorn_stat: '' for a company without a country or layer, as V6 stores it. */
    record UnicornStatKey(String status, String country, String layer) implements Comparable<UnicornStatKey> {
        static UnicornStatKey of(UnicornStatus status, @Nullable TrackedCompany company) {
            String country = company == null || company.country() == null ? "" : company.country().trim();
            String layer = company == null || company.layer() == null ? "" : company.layer().name();
            return new UnicornStatKey(status.name(), country, layer);
        }

        @Override
        public int compareTo(UnicornStatKey other) {
            return Comparator.comparing(UnicornStatKey::status).thenComparing(UnicornStatKey::country)
                    .thenComparing(UnicornStatKey::layer).compare(this, other);
        }
    }

    record UnicornDelta(long companies, BigDecimal usd) {
        UnicornDelta plus(UnicornDelta other) {
            return new UnicornDelta(companies + other.companies, usd.add(other.usd));
        }

        boolean isNothing() {
            return companies == 0 && usd.signum() == 0;
        }
    }

    /** Current valuations changed for companies that had one stored. */
    List<CompanyValuation> updatedValuations() {
        return changedValuations.values().stream().filter(v -> storedValuations.containsKey(v.companyId())).toList();
    }

    /** Current valuations of companies that had none stored. */
    List<CompanyValuation> newValuations() {
        return new ArrayList<>(changedValuations.values().stream()
                .filter(v -> !storedValuations.containsKey(v.companyId())).toList());
    }
}
