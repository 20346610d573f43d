package io.aigcwatch.funding.fx;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/** The monthly rate table that ships with the service, {@code fx/monthly-rates.csv}. */
@Singleton
class ShippedRates {
    static final String RESOURCE = "classpath:fx/monthly-rates.csv";

    private final ResourceResolver resources;
    private final FxRateRepository repository;

    ShippedRates(ResourceResolver resources, FxRateRepository repository) {
        this.resources = resources;
        this.repository = repository;
    }

    @Transactional
    void insertMissing() {
        try (InputStream in = resources.getResourceAsStream(RESOURCE)
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " is missing from the build"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("month,"))
                    .forEach(this::insert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insert(String line) {
        String[] fields = line.split(",");
        if (fields.length != 3) {
            throw new IllegalStateException(RESOURCE + ": expected month,currency,units_per_usd but got " + line);
        }
        repository.insertShipped(fields[1], YearMonth.parse(fields[0]).atDay(1), new BigDecimal(fields[2]));
    }
}
