package io.aigcwatch.market.forecast;

/** Shares as the answer shows them: percent with two decimals. */
final class Percent {
    private static final int HUNDREDTHS = 10_000;

    private Percent() {
    }

    static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }

    /**
     * Fractions (summing to one) in percent with two decimals that sum to exactly 100.00: each is rounded down to a
     * hundredth, then the hundredths still missing go to the largest remainders (Hamilton's method), so no share
     * moves by more than a hundredth.
     */
    static double[] largestRemainder(double[] fractions) {
        int n = fractions.length;
        long[] floors = new long[n];
        double[] remainders = new double[n];
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        long given = 0;
        for (int i = 0; i < n; i++) {
            double exact = fractions[i] / sum * HUNDREDTHS;
            floors[i] = (long) Math.floor(exact);
            remainders[i] = exact - floors[i];
            given += floors[i];
        }
        for (long missing = HUNDREDTHS - given; missing > 0; missing--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            floors[best]++;
            remainders[best] = -1;
        }
        double[] percents = new double[n];
        for (int i = 0; i < n; i++) {
            percents[i] = floors[i] / 100.0;
        }
        return percents;
    }
}
