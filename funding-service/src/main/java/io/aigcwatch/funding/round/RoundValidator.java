package io.aigcwatch.funding.round;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.CompanyRef;
import io.aigcwatch.funding.company.CompanyValidator;
import io.aigcwatch.funding.fx.Conversion;
import io.aigcwatch.funding.fx.FxRates;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import io.aigcwatch.events.funding.DatePrecision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every check of the body of {@code POST} and {@code PUT /funding-events}, in one place: the whole request is
 * checked at once and every bad field is reported by its JSON path, so a client fixes all in one go. Once the
 * figures are sound they are converted to USD at the announcement month's rate and checked against the caps.
 */
@Singleton
class RoundValidator {
    private final CompanyValidator companies;
    private final FxRates rates;
    private final InputLimits limits;
    private final Clock clock;

    RoundValidator(CompanyValidator companies, FxRates rates, InputLimits limits, Clock clock) {
        this.companies = companies;
        this.rates = rates;
        this.limits = limits;
        this.clock = clock;
    }

    ValidRound validate(@Nullable RoundRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a funding event is required");
        }
        FieldChecks checks = new FieldChecks();
        CompanyRef company = companies.check(request.company(), checks);
        RoundType round = checks.enumValue("round", request.round(), RoundType.class);
        ValidRound.Money amount = money("amount", request.amount(), true, checks);
        ValidRound.Money valuation = request.postMoneyValuation() == null ? null
                : money("postMoneyValuation", request.postMoneyValuation(), false, checks);
        LocalDate announcedOn = announcedOn(request.announcedOn(), checks);
        DatePrecision precision = AnnouncedPrecision.check(request.announcedPrecision(), announcedOn, checks);
        List<InvestorData> investors = investors(request.investors(), checks);
        String source = checks.optionalText("source", request.source(), limits.maxSourceLength());
        checks.throwIfAny();
        ValidRound.Money amountInUsd = inUsd("amount", amount, announcedOn, limits.maxRoundUsd(), checks);
        ValidRound.Money valuationInUsd = valuation == null ? null
                : inUsd("postMoneyValuation", valuation, announcedOn, limits.maxValuationUsd(), checks);
        checks.throwIfAny();
        return new ValidRound(company, round, amountInUsd, valuationInUsd, announcedOn, precision, investors, source,
                Boolean.TRUE.equals(request.distinctRound()));
    }

    private ValidRound.Money money(String field, @Nullable RoundRequest.MoneyInput input, boolean precisionAllowed,
                                   FieldChecks checks) {
        if (input == null) {
            checks.add(field, "is required; an undisclosed amount is {\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}");
            return null;
        }
        String currency = currency(field + ".currency", input.currency(), checks);
        AmountPrecision precision = precisionAllowed
                ? precisionOf(field, input, checks)
                : AmountPrecision.EXACT;
        if (!precisionAllowed && input.precision() != null && !"EXACT".equalsIgnoreCase(input.precision().trim())) {
            checks.add(field + ".precision", "a valuation is a single figure; leave precision out");
        }
        BigDecimal value = checks.decimal(field + ".value", input.value(), limits.amount());
        BigDecimal low = checks.decimal(field + ".low", input.low(), limits.amount());
        BigDecimal high = checks.decimal(field + ".high", input.high(), limits.amount());
        if (precision == null) {
            return null;
        }
        switch (precision) {
            case EXACT -> {
                if (input.value() == null) {
                    checks.add(field + ".value", "is required for an EXACT amount");
                }
                if (input.low() != null || input.high() != null) {
                    checks.add(field, "an EXACT amount has a value, not a low/high range; use APPROXIMATE for a range");
                }
            }
            case APPROXIMATE -> {
                if (input.value() == null && (input.low() == null || input.high() == null)) {
                    checks.add(field, "an APPROXIMATE amount needs a value, or both low and high");
                }
                if ((input.low() == null) != (input.high() == null)) {
                    checks.add(field, "give both low and high, or neither");
                }
                if (low != null && high != null && low.compareTo(high) > 0) {
                    checks.add(field + ".low", "must not be above high");
                }
                if (value != null && low != null && high != null && (value.compareTo(low) < 0 || value.compareTo(high) > 0)) {
                    checks.add(field + ".value", "must lie between low and high");
                }
            }
            case UNDISCLOSED -> {
                if (input.value() != null || input.low() != null || input.high() != null) {
                    checks.add(field, "an UNDISCLOSED amount has no value, low or high");
                }
            }
        }
        return ValidRound.Money.asGiven(value, low, high, currency, precision);
    }

    private static AmountPrecision precisionOf(String field, RoundRequest.MoneyInput input, FieldChecks checks) {
        if (input.precision() == null) {
            boolean figures = input.value() != null || input.low() != null || input.high() != null;
            return figures ? (input.value() != null ? AmountPrecision.EXACT : AmountPrecision.APPROXIMATE)
                    : AmountPrecision.UNDISCLOSED;
        }
        return checks.enumValue(field + ".precision", input.precision(), AmountPrecision.class);
    }

    private static String currency(String field, @Nullable String currency, FieldChecks checks) {
        if (currency == null || currency.isBlank()) {
            checks.add(field, "is required: an ISO 4217 code such as CNY or USD");
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        if (!FxRates.isIsoCurrency(code)) {
            checks.add(field, FieldChecks.quoted(currency) + " is not an ISO 4217 currency code");
            return null;
        }
        return code;
    }

    private LocalDate announcedOn(@Nullable LocalDate date, FieldChecks checks) {
        if (date == null) {
            checks.add("announcedOn", "is required: an ISO 8601 date such as 2023-03-15");
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(limits.earliestDate())) {
            checks.add("announcedOn", "must not be before " + limits.earliestDate());
        } else if (date.isAfter(limits.latestDate(today))) {
            checks.add("announcedOn", "must not be more than " + limits.daysAhead()
                    + " days after today (" + today + ")");
        }
        return date;
    }

    private List<InvestorData> investors(@Nullable List<RoundRequest.InvestorInput> listed, FieldChecks checks) {
        List<RoundRequest.InvestorInput> investors = checks.list("investors", listed, limits.maxListItems());
        List<InvestorData> clean = new ArrayList<>(investors.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < investors.size(); i++) {
            RoundRequest.InvestorInput investor = investors.get(i);
            String field = "investors[" + i + "]";
            if (investor == null) {
                checks.add(field, "must be an object with a name");
                continue;
            }
            String given = checks.requiredText(field + ".name", investor.name(), limits.maxNameLength());
            // an investor is a company too: invisible characters or full-width letters must not list it twice
            String name = given == null ? null : CompanyNames.clean(given);
            if (name != null && name.isEmpty()) {
                checks.add(field + ".name", "must have a visible character");
            } else if (name != null && name.codePointCount(0, name.length()) > limits.maxNameLength()) {
                checks.add(field + ".name", "must be at most " + limits.maxNameLength()
                        + " characters once normalised (NFKC)");
            } else if (name != null && !seen.add(CompanyNames.key(name))) {
                checks.add(field + ".name", "'" + name + "' is listed twice");
            }
            clean.add(new InvestorData(name, Boolean.TRUE.equals(investor.lead())));
        }
        return List.copyOf(clean);
    }

    /** The figures in USD at the rate of {@code on}'s month; a rate that is missing or a cap exceeded is noted. */
    private ValidRound.Money inUsd(String field, ValidRound.Money money, LocalDate on, BigDecimal max,
                                   FieldChecks checks) {
        Conversion rate = money.precision() == AmountPrecision.UNDISCLOSED ? null
                : conversion(field + ".currency", money.currency(), on, checks);
        return money.atRate(rate, usd(rate, money.value(), field + ".value", max, checks),
                usd(rate, money.low(), field + ".low", max, checks),
                usd(rate, money.high(), field + ".high", max, checks));
    }

    private Conversion conversion(String field, String currency, LocalDate on, FieldChecks checks) {
        return rates.on(currency, on).orElseGet(() -> {
            checks.add(field, "no " + currency + " to USD rate is known for " + on.withDayOfMonth(1)
                    .toString().substring(0, 7) + "; rates exist for " + rates.currencies()
                    + " from 2020-01, and an admin can add one with PUT /fx-rates/" + currency + "/"
                    + on.toString().substring(0, 7));
            return null;
        });
    }

    private static BigDecimal usd(@Nullable Conversion rate, @Nullable BigDecimal amount, String field, BigDecimal max,
                                  FieldChecks checks) {
        if (rate == null || amount == null) {
            return null;
        }
        BigDecimal usd = rate.toUsd(amount);
        if (usd.compareTo(max) > 0) {
            checks.add(field, "is absurd: USD " + usd.toPlainString() + " is more than USD " + max.toPlainString());
        }
        return usd;
    }
}
