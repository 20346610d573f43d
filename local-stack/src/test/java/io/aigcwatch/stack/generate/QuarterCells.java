package io.aigcwatch.stack.generate;

import io.aigcwatch.market.forecast.QuarterCell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generated rounds summed into market-service's quarterly cells for each of the three dimensions, as the service
 * reads them from its database: the company's layer, country and segment, the quarter of the announcement, the
 * round's USD (0 when undisclosed).
 */
final class QuarterCells implements RoundSink {
    private static final Map<String, Function<SyntheticCompany, String>> DIMENSIONS = Map.of(
            "layer", SyntheticCompany::layer,
            "country", SyntheticCompany::country,
            "segment", SyntheticCompany::segment);

    private final Map<String, Map<String, double[]>> sums = new HashMap<>();

    @Override
    public void accept(GeneratedRound round) {
        int year = round.announcedOn().getYear();
        int quarter = (round.announcedOn().getMonthValue() - 1) / 3 + 1;
        DIMENSIONS.forEach((dimension, category) -> {
            double[] cell = sums.computeIfAbsent(dimension, d -> new HashMap<>())
                    .computeIfAbsent(year + "|" + quarter + "|" + category.apply(round.company()), k -> new double[2]);
            cell[0]++;
            cell[1] += round.usd();
        });
    }

    List<QuarterCell> of(String dimension) {
        List<QuarterCell> cells = new ArrayList<>();
        sums.getOrDefault(dimension, Map.of()).forEach((key, cell) -> {
            String[] parts = key.split("\\|", 3);
            cells.add(new QuarterCell(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2],
                    (long) cell[0], cell[1]));
        });
        return cells;
    }

    static QuarterCells generate(long rounds, long seed, java.time.LocalDate until) throws java.io.IOException {
        QuarterCells cells = new QuarterCells();
        new SyntheticRounds(new SyntheticRounds.Settings(rounds, SyntheticRounds.Settings.defaultCompanies(rounds),
                seed, until)).generate(cells);
        return cells;
    }
}
