package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.InvestorData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two imported rounds the same row: SHA-256 over everything the row says once validated and its company
 * resolved (company id, round, date, amounts as given, currency, precision, valuation, investors in order, source).
 * Figures compare by value (1.0 and 1 are one figure); USD values are left out, as they follow from the rest.
 */
final class RoundFingerprint {
    private RoundFingerprint() {
    }

    static String of(FundingRound round) {
        StringBuilder content = new StringBuilder(256);
        append(content, round.companyId()).append(round.roundType()).append('\0').append(round.announcedOn()).append('\0')
                .append(round.currency()).append('\0').append(round.amountPrecision()).append('\0');
        figure(content, round.amountValue());
        figure(content, round.amountLow());
        figure(content, round.amountHigh());
        figure(content, round.valuationValue());
        append(content, round.valuationCurrency());
        for (InvestorData investor : round.investors()) {
            content.append(investor.lead() ? '+' : '-').append(investor.name()).append('\u0001');
        }
        append(content, round.source());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static StringBuilder append(StringBuilder content, Object value) {
        return content.append(value == null ? "\u0002" : value.toString()).append('\0');
    }

    private static void figure(StringBuilder content, BigDecimal value) {
        append(content, value == null ? null : value.stripTrailingZeros().toPlainString());
    }
}
