package io.aigcwatch.funding.round;

import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The list query for one filter, with a condition for each filter given and none for those absent: a catch-all
 * {@code (:x is null or col = :x)} shape hides from the planner which filters apply, so it cannot pick the index each
 * one needs. Every value is a bound parameter; only the fixed condition texts below are ever put in the SQL.
 * Pages run newest first by (announced_on, id), the order of the indexes V4 adds, so a page stops after its rows.
 */
record RoundQuery(String sql, List<Object> parameters) {

    static RoundQuery of(RoundFilter filter, @Nullable RoundCursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        boolean joinCompany = filter.country() != null || filter.layer() != null;
        if (!filter.includeRetracted()) {
            conditions.add("r.status = 'ACTIVE'");
        }
        condition(conditions, parameters, "r.company_id = ?", filter.companyId());
        condition(conditions, parameters, "c.country = cast(? as bpchar)", filter.country());
        condition(conditions, parameters, "c.layer = ?", filter.layer() == null ? null : filter.layer().name());
        condition(conditions, parameters, "r.round_type = ?", filter.round() == null ? null : filter.round().name());
        condition(conditions, parameters, "r.announced_on >= ?", filter.from());
        condition(conditions, parameters, "r.announced_on <= ?", filter.to());
        if (after != null) {
            conditions.add("(r.announced_on, r.id) < (?, ?)");
            parameters.add(after.announcedOn());
            parameters.add(after.id());
        }
        parameters.add(limit);
        String sql = "select r.* from funding_round r"
                + (joinCompany ? " join company c on c.id = r.company_id" : "")
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by r.announced_on desc, r.id desc limit ?";
        return new RoundQuery(sql, List.copyOf(parameters));
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
