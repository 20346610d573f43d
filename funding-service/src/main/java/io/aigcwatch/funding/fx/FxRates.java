package io.aigcwatch.funding.fx;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rate table, held in memory because every recorded round reads it. It is reloaded after an amendment here
 * and every minute, so an amendment made through another instance reaches this one too.
 */
@Singleton
public class FxRates implements ApplicationEventListener<StartupEvent> {
    public static final String USD = "USD";
    /** A month's rate may stand in for the next few months, until the table catches up; never for longer. */
    static final int MONTHS_A_RATE_COVERS = 3;

    private final FxRateRepository repository;
    private final ShippedRates shipped;
    private volatile Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = Map.of();

    FxRates(FxRateRepository repository, ShippedRates shipped) {
        this.repository = repository;
        this.shipped = shipped;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        shipped.insertMissing();
        reload();
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void reload() {
        Map<String, NavigableMap<LocalDate, BigDecimal>> loaded = new HashMap<>();
        for (FxRate rate : repository.findAllOrdered()) {
            loaded.computeIfAbsent(rate.key().currency(), currency -> new TreeMap<>())
                    .put(rate.key().month(), rate.unitsPerUsd());
        }
        byCurrency = Collections.unmodifiableMap(loaded);
    }

    /** Whether {@code code} is an ISO 4217 currency, convertible or not. */
    public static boolean isIsoCurrency(String code) {
        try {
            return code.length() == 3 && java.util.Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Currencies that can be converted: USD and every currency with at least one rate. */
    public Set<String> currencies() {
        Set<String> currencies = new java.util.TreeSet<>(byCurrency.keySet());
        currencies.add(USD);
        return currencies;
    }

    /** The rate for {@code date}: its month's, or the latest of the few months before it. */
    public Optional<Conversion> on(String currency, LocalDate date) {
        LocalDate month = date.withDayOfMonth(1);
        if (USD.equals(currency)) {
            return Optional.of(new Conversion(BigDecimal.ONE, month));
        }
        NavigableMap<LocalDate, BigDecimal> rates = byCurrency.get(currency);
        if (rates == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, BigDecimal> rate = rates.floorEntry(month);
        if (rate == null || rate.getKey().isBefore(month.minusMonths(MONTHS_A_RATE_COVERS))) {
            return Optional.empty();
        }
        return Optional.of(new Conversion(rate.getValue(), rate.getKey()));
    }

    List<FxRate> all() {
        return repository.findAllOrdered();
    }

    void amend(String currency, LocalDate month, BigDecimal unitsPerUsd) {
        repository.amend(currency, month, unitsPerUsd);
        reload();
    }
}
