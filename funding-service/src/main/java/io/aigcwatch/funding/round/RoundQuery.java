package io.aigcwatch.funding.round;

import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The list query for one filter, with a condition for each filter given and none for those absent: a catch-all
 * {@code (:x is null or col = :x)} shape hides from the planner which filters apply, so it cannot pick the index each
 * one needs. Every value is a bound parameter; only the fixed condition texts below are ever put in the SQL.
 * Pages and exports run newest first by (announced_on, id), the order of the indexes V4 adds, so a page stops
 * after its rows and an export's first rows come before the last is found.
 */
record RoundQuery(String sql, List<Object> parameters) {
    /** The prefix of the company columns in an export's rows. */
    static final String COMPANY_PREFIX = "c_";
    private static final String COMPANY_COLUMNS = List.of("id", "name", "normalized_name", "local_name", "country",
            "layer", "segments", "created_at", "aliases", "founded_on", "headquarters", "website", "status", "status_since",
            "version", "updated_at").stream()
            .map(column -> "c." + column + " as " + COMPANY_PREFIX + column).collect(Collectors.joining(", "));

    /** One page of the list, newest first, after the cursor's round. */
    static RoundQuery of(RoundFilter filter, @Nullable RoundCursor after, int limit) {
        boolean joinCompany = filter.country() != null || filter.layer() != null;
        RoundQuery where = where(filter, after);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        return new RoundQuery("select r.* from funding_round r"
                + (joinCompany ? " join company c on c.id = r.company_id" : "")
                + where.sql() + " order by r.announced_on desc, r.id desc limit ?", List.copyOf(parameters));
    }

    /**
     * Every matching round in the list's order, each with its company's columns prefixed {@value #COMPANY_PREFIX}:
     * an export reads it through one cursor, and the join spares it a query per company.
     */
    static RoundQuery export(RoundFilter filter) {
        RoundQuery where = where(filter, null);
        return new RoundQuery("select r.*, " + COMPANY_COLUMNS + " from funding_round r"
                + " join company c on c.id = r.company_id" + where.sql()
                + " order by r.announced_on desc, r.id desc", where.parameters());
    }

    /** The where clause of a filter (empty when it has no condition), starting with a space. */
    private static RoundQuery where(RoundFilter filter, @Nullable RoundCursor after) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!filter.includeRetracted()) {
            conditions.add("r.status = 'ACTIVE'");
        }
        condition(conditions, parameters, "r.company_id = ?", filter.companyId());
        condition(conditions, parameters, "c.country = cast(? as bpchar)", filter.country());
        condition(conditions, parameters, "c.layer = ?", filter.layer() == null ? null : filter.layer().name());
        condition(conditions, parameters, "r.round_type = ?", filter.round() == null ? null : filter.round().name());
        // investor= and leadInvestor= (V11): the round's links, found by round_investor's (investor_id, lead) index
        condition(conditions, parameters,
                "r.id in (select ri.round_id from round_investor ri where ri.investor_id = ?)", filter.investorId());
        condition(conditions, parameters,
                "r.id in (select ri.round_id from round_investor ri where ri.investor_id = ? and ri.lead)",
                filter.leadInvestorId());
        condition(conditions, parameters, "r.announced_on >= ?", filter.from());
        condition(conditions, parameters, "r.announced_on <= ?", filter.to());
        if (after != null) {
            conditions.add("(r.announced_on, r.id) < (?, ?)");
            parameters.add(after.announcedOn());
            parameters.add(after.id());
        }
        return new RoundQuery(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions),
                List.copyOf(parameters));
    }

    private static void condition(List<String> conditions, List<Object> parameters, String condition,
                                  @Nullable Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.add(value);
        }
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
