package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.FundingRoundData;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps funding totals by bucket incrementally: an event takes the round's previous contribution out and puts its
 * new one in, in one statement for all its buckets. The work per event depends on the round, never on how many
 * rounds there are.
 */
@Singleton
class FundingAggregates {
    private static final String APPLY_DELTAS = """
            insert into funding_aggregate (dimension, bucket, rounds, usd)
            select split_part(key, chr(31), 1), split_part(key, chr(31), 2), rounds, usd
            from unnest(?::text[], ?::bigint[], ?::numeric[]) as delta(key, rounds, usd)
            on conflict (dimension, bucket) do update
              set rounds = funding_aggregate.rounds + excluded.rounds, usd = funding_aggregate.usd + excluded.usd""";

    private final JdbcOperations jdbc;

    FundingAggregates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(FundingRoundData round) {
        Contribution next = Contribution.of(round);
        Optional<Contribution> previous = previous(round.roundId());
        Map<String, Delta> deltas = new LinkedHashMap<>();
        previous.ifPresent(old -> add(deltas, old, -1));
        add(deltas, next, 1);
        apply(deltas);
        jdbc.prepareStatement("""
                insert into round_contribution (round_id, buckets, usd) values (?, ?, ?)
                on conflict (round_id) do update set buckets = excluded.buckets, usd = excluded.usd""", statement -> {
            statement.setObject(1, round.roundId());
            statement.setString(2, next.encodedBuckets());
            statement.setBigDecimal(3, next.usd());
            return statement.executeUpdate();
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void retract(UUID roundId) {
        previous(roundId).ifPresent(old -> {
            Map<String, Delta> deltas = new LinkedHashMap<>();
            add(deltas, old, -1);
            apply(deltas);
            jdbc.prepareStatement("delete from round_contribution where round_id = ?", statement -> {
                statement.setObject(1, roundId);
                return statement.executeUpdate();
            });
        });
    }

    private Optional<Contribution> previous(UUID roundId) {
        return jdbc.prepareStatement("select buckets, usd from round_contribution where round_id = ?", statement -> {
            statement.setObject(1, roundId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Contribution(Contribution.decode(row.getString(1)), row.getBigDecimal(2)))
                        : Optional.empty();
            }
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
        jdbc.prepareStatement(APPLY_DELTAS, statement -> {
            bindArrays(statement, keys, deltas);
            return statement.executeUpdate();
        });
    }

    private static void bindArrays(PreparedStatement statement, List<String> keys, Map<String, Delta> deltas)
            throws java.sql.SQLException {
        java.sql.Connection connection = statement.getConnection();
        statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
        statement.setArray(2, connection.createArrayOf("bigint", keys.stream().map(k -> (long) deltas.get(k).rounds()).toArray()));
        statement.setArray(3, connection.createArrayOf("numeric", keys.stream().map(k -> deltas.get(k).usd()).toArray()));
    }

    record Delta(int rounds, BigDecimal usd) {
        Delta plus(Delta other) {
            return new Delta(rounds + other.rounds, usd.add(other.usd));
        }
    }
}
