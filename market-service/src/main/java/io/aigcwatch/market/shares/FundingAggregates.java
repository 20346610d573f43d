package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.kit.jdbc.ColumnArrays;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps funding totals by bucket incrementally: an event takes the round's previous contribution out and puts its
 * new one in. The work per event depends on the round, never on how many rounds there are. A round counts at its
 * newest version only, whatever order its versions arrive in.
 *
 * <p>Set-based: a polled batch locks the contributions of all its rounds with one query, replaces them in memory
 * in the events' order (each exactly as if it were alone), and writes the contributions with two statements and
 * the buckets' summed deltas with one, whatever the batch's size.
 */
@Singleton
class FundingAggregates {
    private static final String UPDATE_CONTRIBUTIONS = """
            update round_contribution stored set version = cast(changed.version as bigint), buckets = changed.buckets,
                usd = cast(changed.usd as numeric)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as changed(round_id, version, buckets, usd)
            where stored.round_id = cast(changed.round_id as uuid)""";
    /**
     * No conflict clause: another instance inserting the same round first fails this batch, which the inbox then
     * applies again from the committed state.
     */
    private static final String INSERT_CONTRIBUTIONS = """
            insert into round_contribution (round_id, version, buckets, usd)
            select cast(round_id as uuid), cast(version as bigint), buckets, cast(usd as numeric)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as fresh(round_id, version, buckets, usd)""";

    private final FundingAggregateRepository aggregates;
    private final RoundContributionRepository contributions;
    private final JdbcOperations jdbc;

    FundingAggregates(FundingAggregateRepository aggregates, RoundContributionRepository contributions,
                      JdbcOperations jdbc) {
        this.aggregates = aggregates;
        this.contributions = contributions;
        this.jdbc = jdbc;
    }

    /** What one funding event asks of one round's contribution in the aggregates. */
    sealed interface Change {
        UUID roundId();

        /**
         * The round's contribution after this change, given the one it has now (null if none is known); null when
         * this change leaves it as it is.
         */
        @Nullable RoundContribution after(@Nullable RoundContribution before);

        static Change of(FundingRoundData round) {
            return new Replace(round.roundId(), round.version(), Contribution.of(round));
        }

        /** The round keeps a row that counts in no bucket, at the retraction's version. */
        static Change of(FundingRetracted retraction) {
            return new Replace(retraction.roundId(), retraction.version(), Contribution.NONE);
        }
    }

    /**
     * The round's contribution from this version on, unless its contribution already comes from this version or a
     * newer one: versions of a round that moved to another company travel on different partitions (producers key by
     * company), so an older one can arrive after a newer one. Moving a round is its buckets changing, from its old
     * company's to its new company's.
     */
    record Replace(UUID roundId, long version, Contribution contribution) implements Change {
        @Override
        public @Nullable RoundContribution after(@Nullable RoundContribution before) {
            if (before != null && before.version() >= version) {
                return null;
            }
            return new RoundContribution(roundId, version, contribution.encodedBuckets(), contribution.usd());
        }
    }

    /**
     * The round's company edited to {@code company}: its company buckets become the profile's, at the version it has,
     * so that a later version of the round still replaces it and an older one is still ignored. A round never seen
     * or retracted has nothing to move; one already at a newer version than the edit listed ({@code version}, null
     * if the event gave none) was written after the edit and carries a profile of its own (that of another company,
     * if it moved there).
     */
    record Rebucket(UUID roundId, @Nullable Long version, CompanyProfileData company) implements Change {
        @Override
        public @Nullable RoundContribution after(@Nullable RoundContribution before) {
            if (before == null || before.buckets().isEmpty() || (version != null && before.version() > version)) {
                return null;
            }
            Contribution held = before.contribution();
            Contribution moved = held.rebucketed(company);
            // a redelivered edit, or one whose rounds already carry its profile, moves nothing
            return moved.sameAs(held) ? null
                    : new RoundContribution(roundId, before.version(), moved.encodedBuckets(), moved.usd());
        }
    }

    /**
     * Replaces what each round contributes as its changes say ({@link Replace}, {@link Rebucket}), in their order.
     *
     * @return the quarterly series whose cells moved, whose revision this bumped
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Set<FundingSeries> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        Map<UUID, RoundContribution> held = new HashMap<>();
        contributions.lockAll(changes.stream().map(Change::roundId).distinct().toList())
                .forEach(stored -> held.put(stored.roundId(), stored));
        Set<UUID> stored = new HashSet<>(held.keySet());
        Map<UUID, RoundContribution> replaced = new LinkedHashMap<>();
        // sorted, so that two batches touching the same buckets lock their rows in one order
        Map<String, Delta> deltas = new TreeMap<>();
        for (Change change : changes) {
            RoundContribution before = held.get(change.roundId());
            RoundContribution after = change.after(before);
            if (after == null) {
                continue;
            }
            if (before != null) {
                add(deltas, before.contribution(), -1);
            }
            add(deltas, after.contribution(), 1);
            held.put(change.roundId(), after);
            replaced.put(change.roundId(), after);
        }
        addDeltas(deltas);
        Set<FundingSeries> moved = movedSeries(deltas);
        if (!moved.isEmpty()) {
            aggregates.reviseSeries(moved.stream().map(FundingSeries::aggregate).toArray(String[]::new));
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        replaced.values().forEach(row -> (stored.contains(row.roundId()) ? updates : inserts)
                .add(new Object[]{row.roundId(), row.version(), row.buckets(), row.usd()}));
        ColumnArrays.execute(jdbc.getConnection(), UPDATE_CONTRIBUTIONS, 4, updates);
        ColumnArrays.execute(jdbc.getConnection(), INSERT_CONTRIBUTIONS, 4, inserts);
        return moved;
    }

    private static void add(Map<String, Delta> deltas, Contribution contribution, int sign) {
        addBuckets(deltas, contribution, sign);
        contribution.seriesCells().forEach(cell -> addBuckets(deltas, cell, sign));
    }

    private static void addBuckets(Map<String, Delta> deltas, Contribution contribution, int sign) {
        for (String bucket : contribution.buckets()) {
            deltas.merge(bucket, new Delta(sign, contribution.usd().multiply(BigDecimal.valueOf(sign))), Delta::plus);
        }
    }

    /** A correction that leaves a series' cells as they were (a new investor, say) moves no projection. */
    private static Set<FundingSeries> movedSeries(Map<String, Delta> deltas) {
        Set<FundingSeries> moved = EnumSet.noneOf(FundingSeries.class);
        deltas.forEach((key, delta) -> {
            if (delta.rounds() != 0 || delta.usd().signum() != 0) {
                FundingSeries.byAggregate(key.substring(0, key.indexOf(Contribution.SEPARATOR))).ifPresent(moved::add);
            }
        });
        return moved;
    }

    /** Every touched bucket, even one whose changes cancel out, has a row afterwards, as one event at a time left. */
    private void addDeltas(Map<String, Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(deltas.keySet());
        aggregates.addDeltas(keys.toArray(String[]::new),
                keys.stream().mapToLong(key -> deltas.get(key).rounds()).toArray(),
                keys.stream().map(key -> deltas.get(key).usd().toPlainString()).toArray(String[]::new));
    }

    record Delta(long rounds, BigDecimal usd) {
        Delta plus(Delta other) {
            return new Delta(rounds + other.rounds, usd.add(other.usd));
        }
    }
}
