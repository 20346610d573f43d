package io.aigcwatch.stack.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated round, with the fields of a {@code POST /api/funding-events} body, and the USD the generator meant
 * it to count for, which the share trends are checked against.
 *
 * @param amount    null when undisclosed; with {@code low} and {@code high} null unless a range was given
 * @param valuation post-money, in {@code currency}; null on most rounds
 * @param usd       the amount (the middle of a range) at funding-service's rate for the month; 0 when undisclosed
 */
public record GeneratedRound(SyntheticCompany company, String round, LocalDate announcedOn, String currency,
                             String precision, BigDecimal amount, BigDecimal low, BigDecimal high,
                             BigDecimal valuation, List<String> leadInvestors, List<String> otherInvestors,
                             String source, double usd) {
}
