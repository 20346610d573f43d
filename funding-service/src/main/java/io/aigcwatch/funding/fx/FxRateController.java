package io.aigcwatch.funding.fx;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The rate table: readable by all, amendable by an admin (the gateway enforces the scope). Every parameter is
 * bounded before a rate is looked up or a figure converted: a conversion costs the same small time for any input.
 */
@Controller("/fx-rates")
class FxRateController {
    private static final int CURRENCY_LENGTH = 3;
    /** "2023-03": a month is seven characters; anything longer is not one. */
    private static final int MONTH_LENGTH = 7;

    private final FxRates rates;
    private final InputLimits limits;
    private final Clock clock;

    FxRateController(FxRates rates, InputLimits limits, Clock clock) {
        this.rates = rates;
        this.limits = limits;
        this.clock = clock;
    }

    @Get
    List<RateView> list(@Nullable @QueryValue String currency) {
        String code = currency == null || currency.isBlank() ? null
                : FieldChecks.one(checks -> currency("currency", currency, checks));
        return rates.all().stream()
                .filter(rate -> code == null || rate.key().currency().equals(code))
                .map(RateView::of)
                .toList();
    }

    /** What funding-service would record: other services convert with the same table, so every USD figure agrees. */
    @Get("/convert")
    ConversionView convert(@QueryValue String currency, @QueryValue String amount, @QueryValue String on) {
        FieldChecks checks = new FieldChecks();
        String code = currency("currency", currency, checks);
        BigDecimal value = checks.decimal("amount", amount, limits.amount());
        LocalDate date = date("on", on, checks);
        checks.throwIfAny();
        Conversion rate = rates.on(code, date).orElseThrow(() -> ProblemException.invalid("currency",
                "no " + code + " to USD rate is known for " + date.toString().substring(0, 7)
                        + "; an admin can add one with PUT /fx-rates/" + code + "/" + date.toString().substring(0, 7)));
        return new ConversionView(value, code, rate.toUsd(value), rate.unitsPerUsd(), rate.rateDate());
    }

    @Serdeable
    record ConversionView(BigDecimal amount, String currency, BigDecimal usd, BigDecimal unitsPerUsd, LocalDate rateDate) {
    }

    @Put("/{currency}/{month}")
    RateView amend(String currency, String month, @Body Amendment amendment) {
        FieldChecks checks = new FieldChecks();
        String code = currency("currency", currency, checks);
        if (FxRates.USD.equals(code)) {
            checks.add("currency", "USD is the currency every rate is against; amend another");
        }
        LocalDate firstDay = month("month", month, checks);
        BigDecimal given = amendment == null ? null : amendment.unitsPerUsd();
        if (given == null) {
            checks.add("unitsPerUsd", "is required: a positive number of units per USD");
        }
        BigDecimal value = checks.decimal("unitsPerUsd", given, limits.rate());
        checks.throwIfAny();
        rates.amend(code, firstDay, value);
        return new RateView(code, YearMonth.from(firstDay).toString(), value, FxRate.ADMIN);
    }

    private static @Nullable String currency(String field, String currency, FieldChecks checks) {
        String code = currency.trim().toUpperCase(Locale.ROOT);
        if (code.length() != CURRENCY_LENGTH || !FxRates.isIsoCurrency(code)) {
            checks.add(field, FieldChecks.quoted(currency) + " is not an ISO 4217 currency code");
            return null;
        }
        return code;
    }

    /** A date a round could be announced on: the rates, and so conversions, cover no other. */
    private @Nullable LocalDate date(String field, String date, FieldChecks checks) {
        if (date.isBlank()) {
            checks.add(field, "is required: an ISO 8601 date such as 2023-03-15");
            return null;
        }
        LocalDate parsed = checks.date(field, date);
        LocalDate today = LocalDate.now(clock);
        if (parsed != null && !limits.allowsDate(parsed, today)) {
            checks.add(field, "must be a date from " + limits.earliestDate() + " to " + limits.latestDate(today));
            return null;
        }
        return parsed;
    }

    private @Nullable LocalDate month(String field, String month, FieldChecks checks) {
        YearMonth latest = YearMonth.from(limits.latestDate(LocalDate.now(clock)));
        try {
            YearMonth parsed = month.length() > MONTH_LENGTH ? null : YearMonth.parse(month);
            if (parsed != null && !parsed.isBefore(YearMonth.from(limits.earliestDate())) && !parsed.isAfter(latest)) {
                return parsed.atDay(1);
            }
        } catch (DateTimeParseException e) {
            // reported below, with the range
        }
        checks.add(field, FieldChecks.quoted(month) + " is not a month like 2023-03 from "
                + YearMonth.from(limits.earliestDate()) + " to " + latest);
        return null;
    }

    @Serdeable
    record Amendment(@Nullable BigDecimal unitsPerUsd) {
    }
    @Serdeable
    record RateView(String currency, String month, BigDecimal unitsPerUsd, String origin) {
        static RateView of(FxRate rate) {
            return new RateView(rate.key().currency(), YearMonth.from(rate.key().month()).toString(),
                    rate.unitsPerUsd(), rate.origin());
        }
    }
}
