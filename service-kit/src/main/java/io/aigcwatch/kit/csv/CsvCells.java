package io.aigcwatch.kit.csv;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cells of every CSV export of the suite. Free text (names, segments, investors, sources, reasons) goes through
 * {@link #text}; ids, numbers, dates and codes from a closed set cannot start a formula, and numbers stay numbers (a
 * negative figure must not turn into text).
 */
public final class CsvCells {
    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

    private CsvCells() {
    }

    /**
     * Spreadsheets run a cell that starts with = + - or @ as a formula; a company or source name must never be able
     * to do that on an analyst's machine (OWASP "CSV injection": those four, tab and carriage return), so such text
     * gets a leading apostrophe. The full-width forms ＝＋－＠ are guarded too, as a precaution: harmless as text, they
     * become formulas in a spreadsheet or import that folds widths. The printer then quotes the cell as RFC 4180
     * requires. The import strips that one apostrophe again, so an export imports back unchanged.
     */
    public static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return guarded(value) ? "'" + value : value;
    }

    /** Whether {@link #text} puts an apostrophe before {@code value}; the import asks, to take it off again. */
    public static boolean guarded(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }

    /** Each item is guarded, not only the first: an analyst who splits the cell on ";" gets a cell per item. */
    public static String list(List<String> items) {
        return items.stream().map(CsvCells::text).collect(Collectors.joining(";"));
    }

    /** A figure as written, never in exponent form; empty when there is none. */
    public static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Any other value that cannot start a formula (an id, a date, an enum, a count); empty when there is none. */
    public static String of(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
