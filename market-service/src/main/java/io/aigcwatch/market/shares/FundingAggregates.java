package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps funding totals by bucket incrementally: an event takes the round's previous contribution out and puts its
 * new one in, in one statement for all its buckets. The work per event depends on the round, never on how many
 * rounds there are. A round counts at its newest version only, whatever order its versions arrive in.
 */
@Singleton
class FundingAggregates {
    private final FundingAggregateRepository aggregates;
    private final RoundContributionRepository contributions;

    FundingAggregates(FundingAggregateRepository aggregates, RoundContributionRepository contributions) {
        this.aggregates = aggregates;
        this.contributions = contributions;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(FundingRoundData round) {
        replace(round.roundId(), round.version(), Contribution.of(round));
    }

    /** The round keeps a row that counts in no bucket, at the retraction's version. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void retract(FundingRetracted retraction) {
        replace(retraction.roundId(), retraction.version(), Contribution.NONE);
    }

    /**
     * Replaces what the round contributes, unless its contribution already comes from this version or a newer one:
     * versions of a round that moved to another company travel on different partitions (producers key by company),
     * so an older one can arrive after a newer one. Moving a round is its buckets changing, from its old company's
     * to its new company's.
     */
    private void replace(UUID roundId, long version, Contribution next) {
        Optional<RoundContribution> held = contributions.lock(roundId);
        if (held.isPresent() && held.get().version() >= version) {
            return;
        }
        Map<String, Delta> deltas = new LinkedHashMap<>();
        held.ifPresent(old -> add(deltas, old.contribution(), -1));
        add(deltas, next, 1);
        apply(deltas);
        RoundContribution replaced = new RoundContribution(roundId, version, next.encodedBuckets(), next.usd());
        if (held.isPresent()) {
            contributions.update(replaced);
        } else {
            // another instance inserting the same round first fails this insert, and the inbox retries the event
            contributions.save(replaced);
        }
    }

    private static void add(Map<String, Delta> deltas, Contribution contribution, int sign) {
        for (String bucket : contribution.buckets()) {
            deltas.merge(bucket, new Delta(sign, contribution.usd().multiply(BigDecimal.valueOf(sign))), Delta::plus);
        }
    }

    private void apply(Map<String, Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(deltas.keySet());
        aggregates.addDeltas(keys.toArray(String[]::new),
                keys.stream().mapToLong(key -> deltas.get(key).rounds()).toArray(),
                keys.stream().map(key -> deltas.get(key).usd().toPlainString()).toArray(String[]::new));
    }

    record Delta(int rounds, BigDecimal usd) {
        Delta plus(Delta other) {
            return new Delta(rounds + other.rounds, usd.add(other.usd));
        }
    }
}
