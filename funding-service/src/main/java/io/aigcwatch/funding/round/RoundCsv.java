package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** CSV export, one row per round, for analysts who continue in a spreadsheet. */
final class RoundCsv {
    static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"id", "version", "status", "company_id", "company", "company_local_name", "country",
            "layer", "segments", "round", "announced_on", "currency", "precision", "amount", "amount_low", "amount_high",
            "usd", "usd_low", "usd_high", "units_per_usd", "rate_month", "post_money_valuation",
            "post_money_valuation_currency", "post_money_valuation_usd", "lead_investors", "other_investors", "source"};

    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

    private RoundCsv() {
    }

    static CSVPrinter printer(Writer out) throws IOException {
        return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
    }

    /**
     * Free text (names, segments, investors, source) goes through {@link #text}; every other cell is an id, a number,
     * a date or a code from a closed set, none of which can start a formula, and numbers stay numbers (a negative
     * figure must not turn into text).
     */
    static void print(CSVPrinter printer, RoundView round) throws IOException {
        MoneyData amount = round.amount();
        MoneyData valuation = round.postMoneyValuation();
        printer.printRecord(round.id(), round.version(), round.status(), round.company().id(),
                text(round.company().name()), text(round.company().localName()), round.company().country(),
                round.company().layer(), list(round.company().segments()), round.round(),
                round.announcedOn(), amount.currency(), amount.precision(), plain(amount.value()), plain(amount.low()),
                plain(amount.high()), plain(amount.usd()), plain(amount.usdLow()), plain(amount.usdHigh()),
                plain(amount.unitsPerUsd()), amount.rateDate() == null ? "" : amount.rateDate().toString().substring(0, 7),
                valuation == null ? "" : plain(valuation.value()), valuation == null ? "" : valuation.currency(),
                valuation == null ? "" : plain(valuation.usd()),
                list(names(round.investors(), true)), list(names(round.investors(), false)), text(round.source()));
    }

    private static List<String> names(List<InvestorData> investors, boolean leads) {
        return investors.stream().filter(investor -> investor.lead() == leads).map(InvestorData::name).toList();
    }

    /** Each item is guarded, not only the first: an analyst who splits the cell on ";" gets a cell per item. */
    private static String list(List<String> items) {
        return items.stream().map(RoundCsv::text).collect(Collectors.joining(";"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Spreadsheets run a cell that starts with = + - or @ as a formula; a company or source name must never be
     * able to do that on an analyst's machine (OWASP "CSV injection": those four, tab and carriage return), so such
     * text gets a leading apostrophe. The full-width forms ＝＋－＠ are guarded too, as a precaution: harmless as
     * text, they become formulas in a spreadsheet or import that folds widths. The printer then quotes the cell as
     * RFC 4180 requires.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return guarded(value) ? "'" + value : value;
    }

    /** Whether {@link #text} puts an apostrophe before {@code value}. */
    static boolean guarded(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }
}
