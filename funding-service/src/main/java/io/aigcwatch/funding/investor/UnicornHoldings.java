package io.aigcwatch.funding.investor;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps {@code investor.unicorns_held} (V12) exact: the distinct companies of an investor's active rounds that
 * valuation-service currently counts as unicorns. It moves on either side, always in the transaction of the change:
 * <ul>
 *     <li>rounds linking investors to companies ({@link #gained}) or about to stop doing so ({@link #ofRounds}): an
 *     investor gains a unicorn company when the rounds in hand are all of its active rounds in it, and loses it
 *     likewise. Only pairs whose company is a unicorn are looked at, so an import chunk of rounds of non-unicorns
 *     costs one index probe per company;</li>
 *     <li>companies crossing the line ({@link #crossed}): every investor with an active round in them moves by one.</li>
 * </ul>
 * Both sides serialise on the company's row: round writers lock it ({@code CompanyRegistry.lock}, the import's
 * {@code lockOrRegisterAll}), a retraction or a correction moving a round away is locked here, and the valuation
 * intake locks it before it changes a status. Whichever comes second reads what the first committed, so neither
 * misses nor double-counts the other's rounds.
 */
@Singleton
public class UnicornHoldings {
    private static final String UNICORNS = """
            select company_id from company_valuation
            where company_id = any (?::uuid[]) and unicorn_status <> 'NONE'""";
    private static final String LOCK_COMPANIES = "select id from company where id = any (?::uuid[]) order by id for share";
    private static final String LOCK_INVESTORS = "select id from investor where id = any (?::uuid[]) order by id for update";
    private static final String PAIRS_OF_ROUNDS = """
            select ri.investor_id, r.company_id, count(*) as rounds
            from round_investor ri join funding_round r on r.id = ri.round_id
            where ri.round_id = any (?::uuid[]) and r.status = 'ACTIVE'
            group by ri.investor_id, r.company_id""";
    /**
     * A pair moves when the rounds in hand are all the investor's active rounds in the company. Counted from the
     * companies' side: each company's active rounds (a handful, on funding_round_company_page) and each round's links
     * (a range of round_investor's key), once per company however many of its pairs are in hand; never from the
     * investors' side, which runs to thousands of rounds for the largest funds. Investor rows are locked in id order,
     * as every other writer of the counters locks them.
     */
    private static final String MOVE = """
            with p as (
                select * from unnest(?::uuid[], ?::uuid[], ?::bigint[]) as p (investor_id, company_id, rounds)
            ), held as (
                select ri.investor_id, r.company_id, count(*) as rounds
                from (select distinct company_id from p) c
                join funding_round r on r.company_id = c.company_id and r.status = 'ACTIVE'
                join round_investor ri on ri.round_id = r.id
                group by ri.investor_id, r.company_id
            ), moved as (
                select p.investor_id, count(*) as companies
                from p join held h on h.investor_id = p.investor_id and h.company_id = p.company_id
                where h.rounds = p.rounds
                group by p.investor_id
            ), locked as (
                select i.id from investor i where i.id in (select investor_id from moved) order by i.id for update
            )
            update investor i set unicorns_held = i.unicorns_held + ? * m.companies
            from moved m, locked l where i.id = m.investor_id and l.id = m.investor_id""";
    /** Each investor of the companies that crossed, by the sum of their signs (a fund in two of them may net 0). */
    private static final String CROSS = """
            with f as (
                select * from unnest(?::uuid[], ?::int[]) as f (company_id, sign)
            ), d as (
                select h.investor_id, sum(f.sign) as delta
                from f cross join lateral (
                    select distinct ri.investor_id from funding_round r join round_investor ri on ri.round_id = r.id
                    where r.company_id = f.company_id and r.status = 'ACTIVE') h
                group by h.investor_id
                having sum(f.sign) <> 0
            ), locked as (
                select i.id from investor i where i.id in (select investor_id from d) order by i.id for update
            )
            update investor i set unicorns_held = i.unicorns_held + d.delta
            from d, locked l where i.id = d.investor_id and l.id = d.investor_id""";

    private final TransactionOperations<Connection> transactions;

    UnicornHoldings(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * After rounds were linked, active: the pairs they make. The caller holds the companies' rows locked (every
     * round writer does), so the statuses read here stay as they are until it commits.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void gained(Collection<Holding> pairs) {
        move(connection(), pairs, 1);
    }

    /**
     * The pairs the given active, linked rounds make, with {@code sign}: -1 before they are retracted, or unlinked
     * for a correction. Their companies' rows are locked here, since a retraction does not lock its company and a
     * correction locks only the company the round now names.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void ofRounds(Collection<UUID> roundIds, int sign) {
        if (roundIds.isEmpty()) {
            return;
        }
        Connection connection = connection();
        List<Holding> pairs = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(PAIRS_OF_ROUNDS)) {
            read.setArray(1, connection.createArrayOf("uuid", roundIds.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    pairs.add(new Holding(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getLong(3)));
                }
            }
            if (pairs.isEmpty()) {
                return;
            }
            // companies, then every investor of the rounds, each in id order, as the round writers lock them: the
            // counters' update that follows locks them all again, and locking only the few that move first could
            // deadlock with a writer of the same investors
            lock(connection, LOCK_COMPANIES, pairs.stream().map(Holding::companyId).toList());
            lock(connection, LOCK_INVESTORS, pairs.stream().map(Holding::investorId).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the holdings of " + roundIds.size() + " rounds", e);
        }
        move(connection, pairs, sign);
    }

    /**
     * Companies that crossed the unicorn line, +1 entered and -1 left, each holder moving with them. The caller
     * locked the companies' rows before it read their previous statuses.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void crossed(Map<UUID, Integer> signs) {
        if (signs.isEmpty()) {
            return;
        }
        Connection connection = connection();
        try (PreparedStatement cross = connection.prepareStatement(CROSS)) {
            cross.setArray(1, connection.createArrayOf("uuid", signs.keySet().toArray()));
            cross.setArray(2, connection.createArrayOf("integer", signs.values().toArray()));
            cross.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not move the holders of " + signs.size() + " companies", e);
        }
    }

    private static void move(Connection connection, Collection<Holding> pairs, int sign) {
        if (pairs.isEmpty()) {
            return;
        }
        try {
            Set<UUID> unicorns = unicorns(connection, pairs);
            List<Holding> counted = pairs.stream().filter(pair -> unicorns.contains(pair.companyId())).toList();
            if (counted.isEmpty()) {
                return;
            }
            try (PreparedStatement move = connection.prepareStatement(MOVE)) {
                move.setArray(1, connection.createArrayOf("uuid", counted.stream().map(Holding::investorId).toArray()));
                move.setArray(2, connection.createArrayOf("uuid", counted.stream().map(Holding::companyId).toArray()));
                move.setArray(3, connection.createArrayOf("bigint", counted.stream().map(Holding::rounds).toArray()));
                move.setInt(4, sign);
                move.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the unicorns of " + pairs.size() + " holdings", e);
        }
    }

    private static void lock(Connection connection, String statement, List<UUID> ids) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(statement)) {
            lock.setArray(1, connection.createArrayOf("uuid", new TreeSet<>(ids).toArray()));
            lock.executeQuery().close();
        }
    }

    private static Set<UUID> unicorns(Connection connection, Collection<Holding> pairs) throws SQLException {
        Set<UUID> companies = new HashSet<>();
        pairs.forEach(pair -> companies.add(pair.companyId()));
        Set<UUID> unicorns = new HashSet<>();
        try (PreparedStatement read = connection.prepareStatement(UNICORNS)) {
            read.setArray(1, connection.createArrayOf("uuid", companies.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    unicorns.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return unicorns;
    }

    private Connection connection() {
        return (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
    }

    /**
     * An investor and a company, with how many distinct rounds in hand link them.
     *
     * @param rounds the rounds in hand that name the investor and are of the company
     */
    public record Holding(UUID investorId, UUID companyId, long rounds) {
    }
}
