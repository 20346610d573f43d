package io.aigcwatch.funding.round;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Adds a bulk import's chunk of new rounds to the kept totals with {@link FundingRoundRepository#addToStats}'s own
 * statement, the ids bound as one uuid[]: the repository's {@code in (:ids)} expands to a parameter per id, which
 * costs the server a parse and plan of 20,000 literals per chunk and caps a chunk below the protocol's 65,535.
 */
@Singleton
class BatchStats {
    private static final String ADD = FundingRoundRepository.STATS_FROM_ROUNDS.replace(":sign", "1")
            + "where r.id = any(?)" + FundingRoundRepository.STATS_GROUPED;

    private final TransactionOperations<Connection> transactions;

    BatchStats(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void add(List<UUID> ids) {
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(ADD)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add " + ids.size() + " rounds to the totals: " + e.getMessage(), e);
        }
    }
}
