package db.migration;

import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.funding.company.SearchKeys;
import io.aigcwatch.funding.investor.InvestorLinks;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills V11's tables from what is already there, with the code that writes new rows, so that old and new rows agree:
 * each round's investors (funding_round.investors) registered and linked by {@link InvestorLinks#linkOn}, the
 * investors' counters summed from their active rounds, and every company's search key ({@link SearchKeys}, which
 * needs pinyin4j, hence Java rather than SQL). Rounds and companies are read through a cursor and written in chunks,
 * so memory stays flat at 1,000,000 rounds.
 */
public class V11_1__investors_and_search_keys_backfilled extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V11_1__investors_and_search_keys_backfilled.class);
    private static final int CHUNK = 10_000;
    /**
     * A progress line at most this often: the stack's launcher waits for a start whose log keeps growing, and the
     * user sees what it waits for.
     */
    private static final long PROGRESS_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private long lastProgress = System.nanoTime();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        linkInvestors(connection);
        countInvestors(connection);
        writeCompanyKeys(connection);
    }

    private void linkInvestors(Connection connection) throws SQLException {
        long total = count(connection, "select count(*) from funding_round");
        long done = 0;
        LOG.info("linking the investors of {} rounds to investor records", total);
        Map<UUID, List<InvestorData>> chunk = new LinkedHashMap<>();
        try (Statement read = connection.createStatement()) {
            read.setFetchSize(CHUNK);
            try (ResultSet rows = read.executeQuery("""
                    select r.id, e ->> 'name' as name, coalesce((e ->> 'lead')::boolean, false) as lead
                    from funding_round r cross join lateral jsonb_array_elements(r.investors) e
                    where e ->> 'name' is not null order by r.id""")) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    if (!chunk.containsKey(id) && chunk.size() >= CHUNK) {
                        done += chunk.size();
                        flush(connection, chunk);
                        if (progressDue()) {
                            LOG.info("linked the investors of {} rounds (of {} rounds, some without investors)", done,
                                    total);
                        }
                    }
                    chunk.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new InvestorData(rows.getString("name"), rows.getBoolean("lead")));
                }
            }
        }
        flush(connection, chunk);
    }

    private static void flush(Connection connection, Map<UUID, List<InvestorData>> chunk) {
        InvestorLinks.linkOn(connection, chunk.entrySet().stream()
                // countedUsd unused: linkOn writes no counters, countInvestors sums them from the links after
                .map(e -> new InvestorLinks.RoundInvestors(e.getKey(), e.getValue(), java.math.BigDecimal.ZERO))
                .toList());
        chunk.clear();
    }

    private boolean progressDue() {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_NANOS) {
            return false;
        }
        lastProgress = now;
        return true;
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void countInvestors(Connection connection) throws SQLException {
        LOG.info("counting each investor's rounds, leads and USD");
        try (Statement count = connection.createStatement()) {
            // the links were all written in this transaction, which autovacuum cannot see: without statistics the
            // planner takes round_investor for empty and joins a million rounds to it one index probe at a time
            count.execute("analyze round_investor");
            count.execute("analyze investor");
            count.executeUpdate("""
                    update investor i set rounds = d.rounds, leads = d.leads, rounds_usd = d.usd
                    from (select ri.investor_id, count(*) as rounds, count(*) filter (where ri.lead) as leads,
                                 coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then 0
                                      else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0) as usd
                          from round_investor ri join funding_round r on r.id = ri.round_id
                          where r.status = 'ACTIVE'
                          group by ri.investor_id) d
                    where i.id = d.investor_id""");
        }
    }

    private void writeCompanyKeys(Connection connection) throws SQLException {
        LOG.info("writing every company's search key (names, local names in pinyin and initials, aliases)");
        long written = 0;
        List<Object> ids = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("""
                     update company c set search_key = k.search_key
                     from unnest(?::uuid[], ?::text[]) as k (id, search_key) where c.id = k.id""")) {
            read.setFetchSize(CHUNK);
            try (ResultSet rows = read.executeQuery("""
                    select id, name, local_name, array(select jsonb_array_elements_text(aliases)) as aliases
                    from company""")) {
                while (rows.next()) {
                    Array aliases = rows.getArray("aliases");
                    ids.add(rows.getObject("id", UUID.class));
                    keys.add(SearchKeys.of(rows.getString("name"), rows.getString("local_name"),
                            Arrays.asList((String[]) aliases.getArray())));
                    if (ids.size() >= CHUNK) {
                        writeKeys(connection, write, ids, keys);
                        written += CHUNK;
                        if (progressDue()) {
                            LOG.info("wrote the search keys of {} companies", written);
                        }
                    }
                }
            }
            writeKeys(connection, write, ids, keys);
        }
    }

    private static void writeKeys(Connection connection, PreparedStatement write, List<Object> ids, List<Object> keys)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        write.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        write.setArray(2, connection.createArrayOf("text", keys.toArray()));
        write.executeUpdate();
        ids.clear();
        keys.clear();
    }
}
