package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.kit.jdbc.CopyIn;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;

/**
 * Inserts a bulk import's rounds with {@code COPY ... FROM STDIN} in the caller's transaction: several times faster
 * than a batch of inserts. The columns are {@link FundingRound}'s, as Micronaut Data maps them.
 */
@Singleton
class RoundCopy {
    private static final String COPY = """
            funding_round (id, company_id, version, status, round_type, amount_value, amount_low, amount_high,
                currency, amount_precision, usd_value, usd_low, usd_high, units_per_usd, rate_date, valuation_value,
                valuation_currency, valuation_usd, valuation_units_per_usd, valuation_rate_date, announced_on,
                announced_precision, investors, source, retraction_reason, recorded_at, updated_at, disagreements)""";

    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;

    RoundCopy(TransactionOperations<Connection> transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    void insertAll(List<FundingRound> rounds) {
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        CopyIn.copy(connection, COPY, rounds.size() + " rounds", out -> {
            for (FundingRound round : rounds) {
                row(out, round);
            }
        });
    }

    private void row(CopyIn.RowWriter out, FundingRound round) throws IOException {
        Object[] cells = {round.id(), round.companyId(), round.version(), round.status(), round.roundType(),
                round.amountValue(), round.amountLow(), round.amountHigh(), round.currency(), round.amountPrecision(),
                round.usdValue(), round.usdLow(), round.usdHigh(), round.unitsPerUsd(), round.rateDate(),
                round.valuationValue(), round.valuationCurrency(), round.valuationUsd(), round.valuationUnitsPerUsd(),
                round.valuationRateDate(), round.announcedOn(), round.announcedPrecision(), investors(round.investors()),
                round.source(), round.retractionReason(), round.recordedAt(), round.updatedAt(),
                json.writeValueAsString(round.disagreements())};
        out.row(cells);
    }

    private String investors(List<InvestorData> investors) throws IOException {
        return json.writeValueAsString(investors);
    }
}
