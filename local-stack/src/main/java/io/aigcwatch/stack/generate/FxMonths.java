package io.aigcwatch.stack.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * funding-service's shipped rate table ({@code fx/monthly-rates.csv}, copied into this jar by the build from
 * funding-service's resources, so there is one table): a round in another currency than USD is generated only for a
 * month the service can convert, since it refuses the others.
 */
final class FxMonths {
    static final String RESOURCE = "fx/monthly-rates.csv";

    /** Units of a currency per USD, by currency and then by month as {@code year * 12 + month - 1}. */
    private final Map<String, Map<Integer, Double>> rates;

    private FxMonths(Map<String, Map<Integer, Double>> rates) {
        this.rates = rates;
    }

    static FxMonths shipped() {
        InputStream in = FxMonths.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the build");
        }
        Map<String, Map<Integer, Double>> rates = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("month,"))
                    .forEach(line -> {
                        String[] fields = line.split(",");
                        int month = Integer.parseInt(fields[0].substring(0, 4)) * 12
                                + Integer.parseInt(fields[0].substring(5, 7)) - 1;
                        rates.computeIfAbsent(fields[1], currency -> new HashMap<>())
                                .put(month, Double.parseDouble(fields[2]));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FxMonths(rates);
    }

    /** Units of {@code currency} per USD in that month; 0 if funding-service has no rate for it. */
    double unitsPerUsd(String currency, int year, int month) {
        if ("USD".equals(currency)) {
            return 1.0;
        }
        Map<Integer, Double> months = rates.get(currency);
        Double rate = months == null ? null : months.get(year * 12 + month - 1);
        return rate == null ? 0 : rate;
    }
}
