package io.aigcwatch.funding.company;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Writes companies' {@code search_key} ({@link SearchKeys#of(Company)}) in the caller's transaction: whoever changes a
 * name, local name or alias (the bulk import's new companies; a profile edit) calls {@link #write} with the company
 * as it now stands. Many companies take one statement, so an import chunk's new companies cost one round trip.
 */
@Singleton
public class CompanySearchKeys {
    private final TransactionOperations<Connection> transactions;

    CompanySearchKeys(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void write(Collection<Company> companies) {
        if (companies.isEmpty()) {
            return;
        }
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        Object[] ids = companies.stream().map(Company::id).toArray();
        Object[] keys = companies.stream().map(SearchKeys::of).toArray();
        try (PreparedStatement update = connection.prepareStatement("""
                update company c set search_key = k.search_key
                from unnest(?::uuid[], ?::text[]) as k (id, search_key) where c.id = k.id""")) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("text", keys));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the search keys of " + companies.size() + " companies", e);
        }
    }
}
