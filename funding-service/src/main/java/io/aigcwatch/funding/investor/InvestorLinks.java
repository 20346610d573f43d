package io.aigcwatch.funding.investor;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.InvestorIds;
import io.aigcwatch.funding.company.SearchKeys;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps {@code investor} and {@code round_investor} (V11) in step with rounds, in the caller's transaction: a round
 * recorded, corrected or retracted and its links commit together. Each call is set-based, a few statements however
 * many rounds it carries, so the bulk import links a 20,000-round chunk as cheaply as it inserts it.
 * <p>
 * An investor's id is a name-based UUID of its normalised name ({@link #idOf}): the same name gives the same id in
 * every writer, the backfill included, with no lookup, and a round's view shows it without a query.
 */
@Singleton
public class InvestorLinks {
    private static final String REGISTER = """
            insert into investor (id, name, normalized_name, search_key)
            select n.id, n.name, n.normalized_name, n.search_key
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as n (id, name, normalized_name, search_key)
            order by n.normalized_name
            on conflict (normalized_name) do nothing""";
    private static final String LINK = """
            insert into round_investor (round_id, investor_id, lead)
            select l.round_id, l.investor_id, bool_or(l.lead)
            from unnest(?::uuid[], ?::uuid[], ?::boolean[]) as l (round_id, investor_id, lead)
            group by l.round_id, l.investor_id
            on conflict (round_id, investor_id) do update set lead = excluded.lead""";
    /**
     * The rounds' share of each investor's kept counters, added with a sign as {@code addToStats} does for
     * funding_stat: -1 before a correction or retraction, 1 after a record or correction. The investor rows are
     * locked in id order first, so two writers sharing investors queue in one order and never deadlock.
     */
    static final String ADD_TO_STATS = """
            with delta as (
                select ri.investor_id, count(*) as rounds, count(*) filter (where ri.lead) as leads,
                       coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then 0
                            else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0) as usd
                from round_investor ri join funding_round r on r.id = ri.round_id
                where ri.round_id = any (?::uuid[]) and r.status = 'ACTIVE'
                group by ri.investor_id
            ), locked as (
                select i.id from investor i where i.id in (select investor_id from delta) order by i.id for update
            )
            update investor i set rounds = i.rounds + ? * d.rounds, leads = i.leads + ? * d.leads,
                                  rounds_usd = i.rounds_usd + ? * d.usd
            from delta d, locked l where i.id = d.investor_id and l.id = d.investor_id""";

    /** The counters' deltas, one row per investor, locked in id order as {@link #ADD_TO_STATS} locks them. */
    private static final String ADD_COUNTS = """
            with d as (
                select * from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::numeric[]) as d (id, rounds, leads, usd)
            ), locked as (
                select i.id from investor i where i.id in (select id from d) order by i.id for update
            )
            update investor i set rounds = i.rounds + d.rounds, leads = i.leads + d.leads,
                                  rounds_usd = i.rounds_usd + d.usd
            from d, locked l where i.id = d.id and l.id = d.id""";

    private final TransactionOperations<Connection> transactions;
    private final UnicornHoldings unicorns;

    InvestorLinks(TransactionOperations<Connection> transactions, UnicornHoldings unicorns) {
        this.transactions = transactions;
        this.unicorns = unicorns;
    }

    /** The id every writer gives the investor of that name: {@link InvestorIds#of}, which round alerts match on too. */
    public static UUID idOf(String name) {
        return InvestorIds.of(name);
    }

    /** Registers the rounds' investors not known yet and links each round to its investors, lead or not. */
    /**
     * {@link #link} for active rounds, adding their share to the investors' counters from what the caller holds:
     * a recorded round, a corrected one (after {@code addToStats(-1)} and {@link #unlink}) and an import's chunk.
     * The counters are summed here, not joined back from the rows just written, which kept the import 15% slower.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void linkActive(List<RoundInvestors> rounds) {
        Connection connection = connection();
        linkOn(connection, rounds);
        Map<UUID, long[]> counts = new TreeMap<>();
        Map<UUID, BigDecimal> usd = new TreeMap<>();
        Map<List<UUID>, long[]> holdings = new java.util.HashMap<>();
        for (RoundInvestors round : rounds) {
            Map<UUID, Boolean> named = new java.util.HashMap<>();
            for (InvestorData investor : round.investors()) {
                if (!CompanyNames.clean(investor.name()).isEmpty()) {
                    named.merge(idOf(investor.name()), investor.lead(), Boolean::logicalOr);
                }
            }
            UUID companyId = java.util.Objects.requireNonNull(round.companyId(), "a linked round's company");
            named.forEach((id, lead) -> {
                long[] count = counts.computeIfAbsent(id, k -> new long[2]);
                count[0]++;
                count[1] += lead ? 1 : 0;
                usd.merge(id, round.countedUsd(), BigDecimal::add);
                holdings.computeIfAbsent(List.of(id, companyId), k -> new long[1])[0]++;
            });
        }
        if (counts.isEmpty()) {
            return;
        }

        try (PreparedStatement add = connection.prepareStatement(ADD_COUNTS)) {
            add.setArray(1, connection.createArrayOf("uuid", counts.keySet().toArray()));
            add.setArray(2, connection.createArrayOf("bigint", counts.values().stream().map(c -> c[0]).toArray()));
            add.setArray(3, connection.createArrayOf("bigint", counts.values().stream().map(c -> c[1]).toArray()));
            add.setArray(4, connection.createArrayOf("numeric", usd.values().toArray()));
            add.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the investors of " + rounds.size() + " rounds", e);
        }
        // after ADD_COUNTS, which locked every investor of the rounds in id order: the few whose unicorns move are
        // held already, so no writer ever locks a subset first
        unicorns.gained(holdings.entrySet().stream().map(e -> new UnicornHoldings.Holding(e.getKey().get(0),
                e.getKey().get(1), e.getValue()[0])).toList());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void link(List<RoundInvestors> rounds) {
        linkOn(connection(), rounds);
    }

    /** {@link #link} on a given connection, for V11_1's backfill, which runs before the application's beans. */
    public static void linkOn(Connection connection, List<RoundInvestors> rounds) {
        Map<String, String[]> byKey = new TreeMap<>();
        List<Object> roundIds = new ArrayList<>();
        List<Object> investorIds = new ArrayList<>();
        List<Object> leads = new ArrayList<>();
        for (RoundInvestors round : rounds) {
            for (InvestorData investor : round.investors()) {
                String name = CompanyNames.clean(investor.name());
                if (name.isEmpty()) {
                    continue;
                }
                String key = CompanyNames.key(name);
                UUID id = idOf(name);
                byKey.computeIfAbsent(key, k -> new String[]{id.toString(), name, SearchKeys.of(name, null, null)});
                roundIds.add(round.roundId());
                investorIds.add(id);
                leads.add(investor.lead());
            }
        }
        if (roundIds.isEmpty()) {
            return;
        }
        try (PreparedStatement register = connection.prepareStatement(REGISTER);
             PreparedStatement link = connection.prepareStatement(LINK)) {
            register.setArray(1, connection.createArrayOf("uuid", byKey.values().stream().map(v -> UUID.fromString(v[0])).toArray()));
            register.setArray(2, connection.createArrayOf("text", byKey.values().stream().map(v -> v[1]).toArray()));
            register.setArray(3, connection.createArrayOf("text", byKey.keySet().toArray()));
            register.setArray(4, connection.createArrayOf("text", byKey.values().stream().map(v -> v[2]).toArray()));
            register.executeUpdate();
            link.setArray(1, connection.createArrayOf("uuid", roundIds.toArray()));
            link.setArray(2, connection.createArrayOf("uuid", investorIds.toArray()));
            link.setArray(3, connection.createArrayOf("boolean", leads.toArray()));
            link.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not link the investors of " + rounds.size() + " rounds", e);
        }
    }

    /** Takes a round's links away, before a correction links its investors as they now are. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void unlink(UUID roundId) {
        try (PreparedStatement delete = connection().prepareStatement("delete from round_investor where round_id = ?")) {
            delete.setObject(1, roundId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not unlink the investors of round " + roundId, e);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addToStats(Collection<UUID> roundIds, int sign) {
        if (roundIds.isEmpty()) {
            return;
        }
        // the rounds are active and linked here, as unicorns_held counts them: before a retraction or an unlink
        unicorns.ofRounds(roundIds, sign);
        Connection connection = connection();
        try (PreparedStatement add = connection.prepareStatement(ADD_TO_STATS)) {
            add.setArray(1, connection.createArrayOf("uuid", roundIds.toArray()));
            add.setInt(2, sign);
            add.setInt(3, sign);
            add.setInt(4, sign);
            add.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the investors of " + roundIds.size() + " rounds", e);
        }
    }

    private Connection connection() {
        return (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
    }

    /**
     * A round and the investors it names.
     *
     * @param countedUsd what the round adds to its investors' {@code rounds_usd} while active, as
     *                   {@link #ADD_TO_STATS} counts it: 0 when undisclosed, else its USD value or its range's midpoint
     * @param companyId  the round's company, which {@link #linkActive} needs for the investors' unicorns held; null
     *                   only for {@link #linkOn}, which counts nothing
     */
    public record RoundInvestors(UUID roundId, List<InvestorData> investors, BigDecimal countedUsd,
                                 @io.micronaut.core.annotation.Nullable UUID companyId) {
        /** For V11_1's backfill, which links rounds without counting them. */
        public RoundInvestors(UUID roundId, List<InvestorData> investors, BigDecimal countedUsd) {
            this(roundId, investors, countedUsd, null);
        }
    }
}
