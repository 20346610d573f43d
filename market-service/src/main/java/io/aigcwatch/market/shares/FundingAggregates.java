package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.FundingRoundData;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps funding totals by bucket incrementally: an event takes the round's previous contribution out and puts its
 * new one in, in one statement for all its buckets. The work per event depends on the round, never on how many
 * rounds there are.
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
        Contribution next = Contribution.of(round);
        Map<String, Delta> deltas = new LinkedHashMap<>();
        contributions.findById(round.roundId()).ifPresent(old -> add(deltas, old.contribution(), -1));
        add(deltas, next, 1);
        apply(deltas);
        contributions.upsert(round.roundId(), next.encodedBuckets(), next.usd());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void retract(UUID roundId) {
        contributions.findById(roundId).ifPresent(old -> {
            Map<String, Delta> deltas = new LinkedHashMap<>();
            add(deltas, old.contribution(), -1);
            apply(deltas);
            contributions.deleteById(roundId);
        });
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
