package io.aigcwatch.stack.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** The import CSV: RFC 4180, the columns named as the funding-events CSV export names them, lists ';'-separated. */
final class CsvRounds implements RoundSink {
    static final String[] HEADER = {"company", "company_local_name", "country", "layer", "segments", "round",
            "announced_on", "currency", "precision", "amount", "amount_low", "amount_high", "post_money_valuation",
            "post_money_valuation_currency", "lead_investors", "other_investors", "source"};

    private final CSVPrinter printer;

    CsvRounds(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
    }

    @Override
    public void accept(GeneratedRound round) throws IOException {
        SyntheticCompany company = round.company();
        printer.printRecord(company.name(), company.localName() == null ? "" : company.localName(),
                company.country(), company.layer(), company.segment(), round.round(), round.announcedOn(),
                round.currency(), round.precision(), plain(round.amount()), plain(round.low()), plain(round.high()),
                plain(round.valuation()), round.valuation() == null ? "" : round.currency(),
                String.join(";", round.leadInvestors()), String.join(";", round.otherInvestors()), round.source());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
