package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.kit.csv.CsvTable;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.List;

import static io.aigcwatch.kit.csv.CsvCells.list;
import static io.aigcwatch.kit.csv.CsvCells.plain;
import static io.aigcwatch.kit.csv.CsvCells.text;

/**
 * CSV export, one row per round, for analysts who continue in a spreadsheet. The column names are the import's
 * (see the import contract), so an export imports back.
 */
final class RoundCsv {
    static final String[] HEADER = {"id", "version", "status", "company_id", "company", "company_local_name", "country",
            "layer", "segments", "round", "announced_on", "announced_precision", "currency", "precision", "amount", "amount_low", "amount_high",
            "usd", "usd_low", "usd_high", "units_per_usd", "rate_month", "post_money_valuation",
            "post_money_valuation_currency", "post_money_valuation_usd", "lead_investors", "other_investors", "source"};

    private RoundCsv() {
    }

    static CSVPrinter printer(Appendable out) {
        return CsvTable.printer(out, HEADER);
    }

    /** Free text goes through the suite's one formula guard ({@code CsvCells.text}); figures stay numbers. */
    static void print(CSVPrinter printer, RoundView round) throws IOException {
        MoneyData amount = round.amount();
        MoneyData valuation = round.postMoneyValuation();
        printer.printRecord(round.id(), round.version(), round.status(), round.company().id(),
                text(round.company().name()), text(round.company().localName()), round.company().country(),
                round.company().layer(), list(round.company().segments()), round.round(),
                round.announcedOn(), round.announcedPrecision(), amount.currency(), amount.precision(), plain(amount.value()), plain(amount.low()),
                plain(amount.high()), plain(amount.usd()), plain(amount.usdLow()), plain(amount.usdHigh()),
                plain(amount.unitsPerUsd()), amount.rateDate() == null ? "" : amount.rateDate().toString().substring(0, 7),
                valuation == null ? "" : plain(valuation.value()), valuation == null ? "" : valuation.currency(),
                valuation == null ? "" : plain(valuation.usd()),
                list(names(round.investors(), true)), list(names(round.investors(), false)), text(round.source()));
    }

    private static List<String> names(List<RoundView.RoundInvestor> investors, boolean leads) {
        return investors.stream().filter(investor -> investor.lead() == leads).map(RoundView.RoundInvestor::name)
                .toList();
    }
}
