package io.aigcwatch.stack.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic synthetic data set of funding rounds, the same for the same settings, made company by company with
 * constant memory. Each company gets a country, a layer and a segment (drawn by {@link ShareTrend#companyMix}), a
 * founding date, and a climb through the rounds (angel or seed, then series A, B, ... with the odd strategic round
 * and sometimes an IPO at the end) whose sizes grow with the stage and with the years. Each disclosed amount is then
 * scaled by the {@link ShareTrend#multiplier}s of its company's categories at its date, so that the USD raised by
 * layer, country and segment follows {@link ShareTrend#LAYER}, {@link ShareTrend#COUNTRY} and
 * {@link ShareTrend#SEGMENT} in expectation. See docs/synthetic-data.md.
 */
public final class SyntheticRounds {
    public static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    /** funding-service refuses a second round of one company and type within 30 days (either side) as a duplicate. */
    static final int MIN_DAYS_BETWEEN_ROUNDS = 31;
    /** More would not fit into the years between {@link #FIRST_DAY} and today at the spacing above. */
    public static final int MAX_ROUNDS_PER_COMPANY = 100;

    private static final String[] LADDER = {"ANGEL", "SEED", "SERIES_A", "SERIES_B", "SERIES_C", "SERIES_D",
            "SERIES_E", "SERIES_F_PLUS"};
    /** Median USD of a round at each rung of {@link #LADDER}, in 2015. */
    private static final double[] MEDIAN_USD = {0.3e6, 1.2e6, 4e6, 12e6, 25e6, 50e6, 90e6, 150e6};
    /**
     * The chance that a company's next priced round is the next rung rather than another at its rung (an extension,
     * a second seed); most companies never get far, as in a real deal database.
     */
    private static final double[] CLIMB = {0.8, 0.3, 0.25, 0.25, 0.2, 0.2, 0.2, 0.0};
    private static final int SERIES_A = 2;
    private static final int SERIES_D = 5;
    private static final double IPO_MEDIAN_USD = 300e6;
    /** Sizes grow by about 6 % a year, the money that flowed into AI after 2015. */
    private static final double GROWTH_A_YEAR = 0.06;
    private static final double SIZE_SPREAD = 0.7;
    private static final double MIN_USD = 10_000;
    private static final double MAX_USD = 2e11;
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);
    private static final BigDecimal LOW = new BigDecimal("0.8");
    private static final BigDecimal HIGH = new BigDecimal("1.2");
    private static final String[] LOCAL_CURRENCY = {"USD", "CNY", "GBP", "EUR", "JPY", "EUR", "USD", "USD", "USD",
            "USD", "USD"};

    private final Settings settings;
    private final FxMonths fx;
    private final int days;

    /**
     * @param until the last day a round may be dated (funding-service refuses dates more than a week ahead)
     */
    public record Settings(long rounds, int companies, long seed, LocalDate until) {
        public Settings {
            if (rounds < 1 || companies < 1 || companies > rounds) {
                throw new IllegalArgumentException("need at least one round and one company, and no more companies"
                        + " than rounds");
            }
            if (rounds > (long) companies * MAX_ROUNDS_PER_COMPANY) {
                throw new IllegalArgumentException("at most " + MAX_ROUNDS_PER_COMPANY + " rounds a company: give"
                        + " at least " + (rounds + MAX_ROUNDS_PER_COMPANY - 1) / MAX_ROUNDS_PER_COMPANY + " companies");
            }
            if (ChronoUnit.DAYS.between(FIRST_DAY, until) < (MAX_ROUNDS_PER_COMPANY + 2) * MIN_DAYS_BETWEEN_ROUNDS) {
                throw new IllegalArgumentException("until must be at least "
                        + FIRST_DAY.plusDays((MAX_ROUNDS_PER_COMPANY + 2) * MIN_DAYS_BETWEEN_ROUNDS));
            }
        }

        /** Ten rounds a company on average, like a deal database's mix of young and old companies. */
        public static int defaultCompanies(long rounds) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rounds + 9) / 10));
        }
    }

    public SyntheticRounds(Settings settings) {
        this.settings = settings;
        this.fx = FxMonths.shipped();
        this.days = (int) ChronoUnit.DAYS.between(FIRST_DAY, settings.until());
    }

    public void generate(RoundSink sink) throws IOException {
        SplittableRandom counts = new SplittableRandom(settings.seed());
        long remaining = settings.rounds();
        int westernNames = 0;
        int chineseNames = 0;
        for (int company = 0; company < settings.companies(); company++) {
            int left = settings.companies() - company;
            int rounds = roundsOf(counts, remaining, left);
            remaining -= rounds;
            SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + company);
            int country = ShareTrend.COUNTRY.draw(random.nextDouble());
            boolean chinese = "CN".equals(ShareTrend.COUNTRY.categories().get(country));
            String[] names = chinese ? SyntheticNames.chinese(chineseNames++)
                    : new String[] {SyntheticNames.western(westernNames++), null};
            int layer = ShareTrend.LAYER.draw(random.nextDouble());
            int segment = ShareTrend.SEGMENT.draw(random.nextDouble());
            SyntheticCompany profile = new SyntheticCompany(names[0], names[1],
                    ShareTrend.COUNTRY.categories().get(country), ShareTrend.LAYER.categories().get(layer),
                    ShareTrend.SEGMENT.categories().get(segment));
            new Climb(random, profile, new int[] {layer, country, segment}, LOCAL_CURRENCY[country])
                    .emit(rounds, sink);
        }
    }

    /**
     * Some companies raise few rounds and some twice the average (a triangular spread: no company holds a large part
     * of the money for a decade, which would make a year's shares that company's), yet exactly
     * {@link Settings#rounds} in all: each draw aims at what is left per company left, within what the companies
     * after it can still take.
     */
    private static int roundsOf(SplittableRandom random, long remaining, int companiesLeft) {
        double mean = (double) remaining / companiesLeft;
        long drawn = Math.round(mean * (random.nextDouble() + random.nextDouble()));
        long least = Math.max(1, remaining - (long) (companiesLeft - 1) * MAX_ROUNDS_PER_COMPANY);
        long most = Math.min(MAX_ROUNDS_PER_COMPANY, remaining - (companiesLeft - 1));
        return (int) Math.max(least, Math.min(most, drawn));
    }

    /** One company's rounds, in date order. */
    private final class Climb {
        private final SplittableRandom random;
        private final SyntheticCompany company;
        private final int[] categories;
        private final String localCurrency;

        Climb(SplittableRandom random, SyntheticCompany company, int[] categories, String localCurrency) {
            this.random = random;
            this.company = company;
            this.categories = categories;
            this.localCurrency = localCurrency;
        }

        void emit(int rounds, RoundSink sink) throws IOException {
            int[] offsets = dayOffsets(rounds);
            int rung = random.nextDouble() < 0.25 ? 0 : 1;
            for (int i = 0; i < rounds; i++) {
                LocalDate on = FIRST_DAY.plusDays(offsets[i]);
                double kind = random.nextDouble();
                boolean climbed = false;
                String type;
                double median;
                if (i == rounds - 1 && i > 0 && rung >= SERIES_D && kind < 0.3) {
                    type = "IPO";
                    median = IPO_MEDIAN_USD;
                } else if (i > 0 && kind < 0.08) {
                    type = "STRATEGIC";
                    median = MEDIAN_USD[rung] * 0.6;
                } else if (i > 0 && kind < 0.11) {
                    type = "UNDISCLOSED";
                    median = MEDIAN_USD[rung] * 0.8;
                } else {
                    type = LADDER[rung];
                    median = MEDIAN_USD[rung];
                    climbed = random.nextDouble() < CLIMB[rung];
                }
                sink.accept(round(i, type, on, median, rung));
                rung = climbed ? rung + 1 : rung;
            }
        }

        /** Sorted, at least {@link #MIN_DAYS_BETWEEN_ROUNDS} apart, after a founding day drawn uniformly. */
        private int[] dayOffsets(int rounds) {
            int needed = (rounds + 1) * MIN_DAYS_BETWEEN_ROUNDS;
            int founded = random.nextInt(days - needed + 1);
            int slack = days - founded - needed;
            int[] offsets = new int[rounds];
            for (int i = 0; i < rounds; i++) {
                offsets[i] = random.nextInt(slack + 1);
            }
            java.util.Arrays.sort(offsets);
            for (int i = 0; i < rounds; i++) {
                offsets[i] += founded + i * MIN_DAYS_BETWEEN_ROUNDS;
            }
            return offsets;
        }

        private GeneratedRound round(int index, String type, LocalDate on, double median, int stage) {
            double year = on.getYear() + (on.getDayOfYear() - 0.5) / on.lengthOfYear();
            double usd = median * StrictMath.exp(GROWTH_A_YEAR * (year - FIRST_DAY.getYear())
                    + SIZE_SPREAD * gaussian())
                    * ShareTrend.LAYER.multiplier(categories[0], year)
                    * ShareTrend.COUNTRY.multiplier(categories[1], year)
                    * ShareTrend.SEGMENT.multiplier(categories[2], year);
            usd = Math.max(MIN_USD, Math.min(MAX_USD, usd));
            double precision = random.nextDouble();
            String currency = currencyFor(on);
            double unitsPerUsd = fx.unitsPerUsd(currency, on.getYear(), on.getMonthValue());
            List<String> leads = new ArrayList<>(2);
            List<String> others = new ArrayList<>(5);
            investors(type, leads, others);
            String source = "https://news.example.com/" + on.getYear() + "/" + on.getMonthValue() + "/"
                    + SyntheticNames.slug(company.name()) + "-" + SyntheticNames.slug(type) + "-" + index;
            if (precision < 0.08) {
                return new GeneratedRound(company, type, on, currency, "UNDISCLOSED", null, null, null, null, leads,
                        others, source, 0);
            }
            BigDecimal amount = figure(usd * unitsPerUsd);
            BigDecimal valuation = stage >= SERIES_A && random.nextDouble() < 0.4
                    ? figure(usd * unitsPerUsd * (3 + 7 * random.nextDouble())) : null;
            if (precision < 0.13) {
                BigDecimal low = amount.multiply(LOW).round(THREE_DIGITS).setScale(0, RoundingMode.HALF_EVEN);
                BigDecimal high = amount.multiply(HIGH).round(THREE_DIGITS).setScale(0, RoundingMode.HALF_EVEN);
                return new GeneratedRound(company, type, on, currency, "APPROXIMATE", null, low, high, valuation,
                        leads, others, source, low.add(high).doubleValue() / 2 / unitsPerUsd);
            }
            return new GeneratedRound(company, type, on, currency, precision < 0.18 ? "APPROXIMATE" : "EXACT", amount,
                    null, null, valuation, leads, others, source, amount.doubleValue() / unitsPerUsd);
        }

        /** Box-Muller with StrictMath, so that a seed gives the same bytes on every JVM and whatever the JIT did. */
        private double gaussian() {
            return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
                    * StrictMath.cos(2 * Math.PI * random.nextDouble());
        }

        /** The country's own currency where funding-service has the month's rate; most Chinese rounds are in CNY. */
        private String currencyFor(LocalDate on) {
            boolean local = !"USD".equals(localCurrency) && random.nextDouble() < ("CNY".equals(localCurrency) ? 0.7
                    : 0.9);
            return local && fx.unitsPerUsd(localCurrency, on.getYear(), on.getMonthValue()) > 0 ? localCurrency : "USD";
        }

        /** One lead (sometimes two) and a few others from the pool, the busiest firms the most often, none twice. */
        private void investors(String type, List<String> leads, List<String> others) {
            int count = switch (type) {
                case "ANGEL" -> 1 + random.nextInt(2);
                case "SEED" -> 1 + random.nextInt(3);
                default -> 2 + random.nextInt(5);
            };
            int leadCount = count > 2 && random.nextDouble() < 0.2 ? 2 : 1;
            int[] chosen = new int[count];
            for (int i = 0; i < count; i++) {
                int pick;
                boolean taken;
                do {
                    pick = (int) (SyntheticNames.INVESTORS * StrictMath.pow(random.nextDouble(), 2.5));
                    taken = false;
                    for (int j = 0; j < i; j++) {
                        taken |= chosen[j] == pick;
                    }
                } while (taken);
                chosen[i] = pick;
                (i < leadCount ? leads : others).add(SyntheticNames.investor(pick));
            }
        }
    }

    /** Three significant digits, in whole units, as amounts are reported. */
    private static BigDecimal figure(double value) {
        BigDecimal figure = new BigDecimal(value, THREE_DIGITS).setScale(0, RoundingMode.HALF_EVEN);
        return figure.signum() == 0 ? BigDecimal.ONE : figure;
    }
}
