package io.aigcwatch.funding.round;

import io.aigcwatch.funding.company.CompanyInput;
import io.aigcwatch.kit.csv.CsvCells;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of an imported CSV read as the body of a {@code POST /funding-events}. The columns are those of the CSV
 * export ({@link RoundCsv#HEADER}), so an export imports back: its other columns (id, usd, ...) are ignored, and
 * the apostrophe its formula guard put before a text cell is taken off again.
 */
final class RoundCsvRow {
    static final List<String> REQUIRED = List.of("company", "company_local_name", "country", "layer", "segments",
            "round", "announced_on", "currency", "precision", "amount", "amount_low", "amount_high",
            "post_money_valuation", "post_money_valuation_currency", "lead_investors", "other_investors", "source");
    static final String DISTINCT_ROUND = "distinct_round";
    /** Optional: DAY when the column or the cell is absent, as every round was before precision was recorded. */
    static final String ANNOUNCED_PRECISION = "announced_precision";

    private RoundCsvRow() {
    }

    /** The header's problem, if a required column is missing; the columns may come in any order. */
    static void checkHeader(List<String> header) {
        List<String> missing = REQUIRED.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "the CSV header lacks " + String.join(", ", missing)
                    + "; it needs " + String.join(",", REQUIRED) + " (and optionally " + DISTINCT_ROUND + ", " + ANNOUNCED_PRECISION + ")");
        }
    }

    /** The request the row stands for; a cell that cannot even be read (a date, a number) throws its field error. */
    static RoundRequest read(Map<String, String> row) {
        FieldChecks checks = new FieldChecks();
        CompanyInput company = new CompanyInput(null, text(row, "company"), text(row, "company_local_name"),
                text(row, "country"), text(row, "layer"), list(row, "segments"));
        RoundRequest.MoneyInput amount = new RoundRequest.MoneyInput(number(row, "amount", "amount.value", checks),
                number(row, "amount_low", "amount.low", checks), number(row, "amount_high", "amount.high", checks),
                text(row, "currency"), text(row, "precision"));
        BigDecimal valuationValue = number(row, "post_money_valuation", "postMoneyValuation.value", checks);
        String valuationCurrency = text(row, "post_money_valuation_currency");
        RoundRequest.MoneyInput valuation = valuationValue == null && valuationCurrency == null ? null
                : new RoundRequest.MoneyInput(valuationValue, null, null, valuationCurrency, null);
        List<RoundRequest.InvestorInput> investors = new ArrayList<>();
        list(row, "lead_investors").forEach(name -> investors.add(new RoundRequest.InvestorInput(name, true)));
        list(row, "other_investors").forEach(name -> investors.add(new RoundRequest.InvestorInput(name, false)));
        LocalDate announcedOn = date(row, checks);
        Boolean distinct = flag(row, checks);
        checks.throwIfAny();
        return new RoundRequest(company, text(row, "round"), amount, valuation, announcedOn,
                text(row, ANNOUNCED_PRECISION), investors,
                text(row, "source"), distinct);
    }

    private static @Nullable String text(Map<String, String> row, String column) {
        String cell = row.get(column);
        return cell == null || cell.isEmpty() ? null : unguard(cell);
    }

    private static List<String> list(Map<String, String> row, String column) {
        String cell = row.get(column);
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";", -1)).map(RoundCsvRow::unguard).toList();
    }

    /** Undoes {@link RoundCsv#text}: an apostrophe the guard added is followed by a character it guards against. */
    static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && CsvCells.guarded(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static @Nullable BigDecimal number(Map<String, String> row, String column, String field, FieldChecks checks) {
        String cell = text(row, column);
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            checks.add(field, FieldChecks.quoted(cell) + " is not a number");
            return null;
        }
    }

    private static @Nullable LocalDate date(Map<String, String> row, FieldChecks checks) {
        String cell = text(row, "announced_on");
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(cell.trim());
        } catch (DateTimeParseException e) {
            checks.add("announcedOn", FieldChecks.quoted(cell) + " is not an ISO 8601 date such as 2023-03-15");
            return null;
        }
    }

    private static @Nullable Boolean flag(Map<String, String> row, FieldChecks checks) {
        String cell = text(row, DISTINCT_ROUND);
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return switch (cell.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                checks.add("distinctRound", FieldChecks.quoted(cell) + " is not true or false");
                yield null;
            }
        };
    }
}
