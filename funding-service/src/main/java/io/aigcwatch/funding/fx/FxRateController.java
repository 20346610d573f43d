package io.aigcwatch.funding.fx;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The rate table: readable by all, amendable by an admin (the gateway enforces the scope). */
@Controller("/fx-rates")
class FxRateController {
    private static final BigDecimal MAX_UNITS_PER_USD = new BigDecimal("1000000");

    private final FxRates rates;

    FxRateController(FxRates rates) {
        this.rates = rates;
    }

    @Get
    List<RateView> list(@Nullable @QueryValue String currency) {
        return rates.all().stream()
                .filter(rate -> currency == null || rate.key().currency().equalsIgnoreCase(currency))
                .map(RateView::of)
                .toList();
    }

    /** What funding-service would record: other services convert with the same table, so every USD figure agrees. */
    @Get("/convert")
    ConversionView convert(@QueryValue String currency, @QueryValue String amount, @QueryValue String on) {
        String code = currency.trim().toUpperCase(java.util.Locale.ROOT);
        if (!FxRates.isIsoCurrency(code)) {
            throw ProblemException.invalid("currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
        BigDecimal value;
        LocalDate date;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("amount", "'" + amount + "' is not a decimal number");
        }
        try {
            date = LocalDate.parse(on.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("on", "'" + on + "' is not an ISO 8601 date");
        }
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
        String code = currency.toUpperCase(java.util.Locale.ROOT);
        if (!FxRates.isIsoCurrency(code) || FxRates.USD.equals(code)) {
            throw ProblemException.invalid("currency", "'" + currency + "' is not an ISO 4217 currency other than USD");
        }
        LocalDate firstDay;
        try {
            firstDay = YearMonth.parse(month).atDay(1);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "'" + month + "' is not a month like 2023-03");
        }
        BigDecimal value = amendment.unitsPerUsd();
        if (value == null || value.signum() <= 0 || value.compareTo(MAX_UNITS_PER_USD) > 0) {
            throw ProblemException.invalid("unitsPerUsd", "must be a positive number of " + code + " per USD, at most 1000000");
        }
        rates.amend(code, firstDay, value);
        return new RateView(code, YearMonth.from(firstDay).toString(), value, FxRate.ADMIN);
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
