package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.fx.FxRates;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a whole request at once and reports every bad field by its JSON path, so a client fixes all in one go.
 * Money is checked again in USD by {@link RoundWriter}, once the rate is known.
 */
final class RoundValidator {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_INVESTORS = 100;
    static final int MAX_SEGMENTS = 20;
    static final int MAX_SOURCE_LENGTH = 2000;
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final int DAYS_AHEAD_ALLOWED = 7;
    /** More integer digits than any real amount in any currency has (10^18 JPY is far beyond world GDP). */
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_DECIMALS = 4;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    private RoundValidator(LocalDate today) {
        this.today = today;
    }

    static ValidRound validate(@Nullable RoundRequest request, LocalDate today) {
        return new RoundValidator(today).check(request);
    }

    /** A company on its own, as other services register one: by name, country and layer. */
    static ValidRound.CompanyRef validateCompany(@Nullable RoundRequest.CompanyInput input, LocalDate today) {
        RoundValidator validator = new RoundValidator(today);
        ValidRound.CompanyRef company = validator.company(input == null ? null
                : new RoundRequest.CompanyInput(null, input.name(), input.localName(), input.country(), input.layer(),
                input.segments()));
        if (!validator.errors.isEmpty()) {
            throw ProblemException.invalid(validator.errors);
        }
        return company;
    }

    private ValidRound check(@Nullable RoundRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a funding event is required");
        }
        ValidRound.CompanyRef company = company(request.company());
        RoundType round = enumValue("round", request.round(), RoundType.class, true);
        ValidRound.Money amount = money("amount", request.amount(), true);
        ValidRound.Money valuation = request.postMoneyValuation() == null ? null
                : money("postMoneyValuation", request.postMoneyValuation(), false);
        LocalDate announcedOn = announcedOn(request.announcedOn());
        List<InvestorData> investors = investors(request.investors());
        String source = optionalText("source", request.source(), MAX_SOURCE_LENGTH);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ValidRound(company, round, amount, valuation, announcedOn, investors, source,
                Boolean.TRUE.equals(request.distinctRound()));
    }

    private ValidRound.CompanyRef company(@Nullable RoundRequest.CompanyInput input) {
        if (input == null) {
            errors.add(new FieldError("company", "is required: give its id, or its name, country and layer"));
            return null;
        }
        String localName = optionalText("company.localName", input.localName(), MAX_NAME_LENGTH);
        List<String> segments = segments(input.segments());
        if (input.id() != null) {
            return new ValidRound.CompanyRef(input.id(), null, localName, null, null, segments);
        }
        String name = requiredText("company.name", input.name(), MAX_NAME_LENGTH);
        String country = country(input.country());
        Layer layer = enumValue("company.layer", input.layer(), Layer.class, true);
        return new ValidRound.CompanyRef(null, name, localName, country, layer, segments);
    }

    private String country(@Nullable String country) {
        if (country == null || country.isBlank()) {
            errors.add(new FieldError("company.country", "is required: an ISO 3166-1 alpha-2 code such as CN or US"));
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            errors.add(new FieldError("company.country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
            return null;
        }
        return code;
    }

    private List<String> segments(@Nullable List<String> segments) {
        if (segments == null) {
            return List.of();
        }
        if (segments.size() > MAX_SEGMENTS) {
            errors.add(new FieldError("company.segments", "at most " + MAX_SEGMENTS + " segments, not " + segments.size()));
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = requiredText("company.segments[" + i + "]", segments.get(i), 50);
            if (segment != null && !clean.contains(segment.toUpperCase(Locale.ROOT))) {
                clean.add(segment.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(clean);
    }

    private ValidRound.Money money(String field, @Nullable RoundRequest.MoneyInput input, boolean precisionAllowed) {
        if (input == null) {
            errors.add(new FieldError(field, "is required; an undisclosed amount is {\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}"));
            return null;
        }
        String currency = currency(field + ".currency", input.currency());
        AmountPrecision precision = precisionAllowed
                ? precisionOf(field, input)
                : AmountPrecision.EXACT;
        if (!precisionAllowed && input.precision() != null && !"EXACT".equalsIgnoreCase(input.precision().trim())) {
            errors.add(new FieldError(field + ".precision", "a valuation is a single figure; leave precision out"));
        }
        BigDecimal value = figure(field + ".value", input.value());
        BigDecimal low = figure(field + ".low", input.low());
        BigDecimal high = figure(field + ".high", input.high());
        if (precision == null) {
            return null;
        }
        switch (precision) {
            case EXACT -> {
                if (input.value() == null) {
                    errors.add(new FieldError(field + ".value", "is required for an EXACT amount"));
                }
                if (input.low() != null || input.high() != null) {
                    errors.add(new FieldError(field, "an EXACT amount has a value, not a low/high range; use APPROXIMATE for a range"));
                }
            }
            case APPROXIMATE -> {
                if (input.value() == null && (input.low() == null || input.high() == null)) {
                    errors.add(new FieldError(field, "an APPROXIMATE amount needs a value, or both low and high"));
                }
                if ((input.low() == null) != (input.high() == null)) {
                    errors.add(new FieldError(field, "give both low and high, or neither"));
                }
                if (low != null && high != null && low.compareTo(high) > 0) {
                    errors.add(new FieldError(field + ".low", "must not be above high"));
                }
                if (value != null && low != null && high != null && (value.compareTo(low) < 0 || value.compareTo(high) > 0)) {
                    errors.add(new FieldError(field + ".value", "must lie between low and high"));
                }
            }
            case UNDISCLOSED -> {
                if (input.value() != null || input.low() != null || input.high() != null) {
                    errors.add(new FieldError(field, "an UNDISCLOSED amount has no value, low or high"));
                }
            }
        }
        return new ValidRound.Money(value, low, high, currency, precision);
    }

    private AmountPrecision precisionOf(String field, RoundRequest.MoneyInput input) {
        if (input.precision() == null) {
            boolean figures = input.value() != null || input.low() != null || input.high() != null;
            return figures ? (input.value() != null ? AmountPrecision.EXACT : AmountPrecision.APPROXIMATE)
                    : AmountPrecision.UNDISCLOSED;
        }
        return enumValue(field + ".precision", input.precision(), AmountPrecision.class, true);
    }

    private String currency(String field, @Nullable String currency) {
        if (currency == null || currency.isBlank()) {
            errors.add(new FieldError(field, "is required: an ISO 4217 code such as CNY or USD"));
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        if (!FxRates.isIsoCurrency(code)) {
            errors.add(new FieldError(field, "'" + currency + "' is not an ISO 4217 currency code"));
            return null;
        }
        return code;
    }

    private BigDecimal figure(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0) {
            errors.add(new FieldError(field, "must be positive, not " + value.toPlainString()));
            return null;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError(field, "is absurdly large (" + value.toEngineeringString() + ")"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new FieldError(field, "has more than " + MAX_DECIMALS + " decimal places"));
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private LocalDate announcedOn(@Nullable LocalDate date) {
        if (date == null) {
            errors.add(new FieldError("announcedOn", "is required: an ISO 8601 date such as 2023-03-15"));
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError("announcedOn", "must not be before " + EARLIEST));
        } else if (date.isAfter(today.plusDays(DAYS_AHEAD_ALLOWED))) {
            errors.add(new FieldError("announcedOn", "must not be more than " + DAYS_AHEAD_ALLOWED
                    + " days after today (" + today + ")"));
        }
        return date;
    }

    private List<InvestorData> investors(@Nullable List<RoundRequest.InvestorInput> investors) {
        if (investors == null) {
            return List.of();
        }
        if (investors.size() > MAX_INVESTORS) {
            errors.add(new FieldError("investors", "at most " + MAX_INVESTORS + " investors, not " + investors.size()));
            return List.of();
        }
        List<InvestorData> clean = new ArrayList<>(investors.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < investors.size(); i++) {
            RoundRequest.InvestorInput investor = investors.get(i);
            String field = "investors[" + i + "]";
            if (investor == null) {
                errors.add(new FieldError(field, "must be an object with a name"));
                continue;
            }
            String name = requiredText(field + ".name", investor.name(), MAX_NAME_LENGTH);
            if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field + ".name", "'" + name + "' is listed twice"));
            }
            clean.add(new InvestorData(name, Boolean.TRUE.equals(investor.lead())));
        }
        return List.copyOf(clean);
    }

    private String requiredText(String field, @Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optionalText(field, text, maxLength);
    }

    private String optionalText(String field, @Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return trimmed;
    }

    private <E extends Enum<E>> E enumValue(String field, @Nullable String value, Class<E> type, boolean required) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required: one of " + allowed));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + allowed));
            return null;
        }
    }
}
