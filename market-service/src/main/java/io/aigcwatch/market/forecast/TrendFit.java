package io.aigcwatch.market.forecast;

import java.util.List;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.stat.descriptive.rank.Median;
import org.hipparchus.util.Pair;

/**
 * A multinomial logit linear in time fitted to quarterly shares by quasi-likelihood:
 * {@code share_k(t) = exp(a_k + b_k tau) / sum_j exp(a_j + b_j tau)}, {@code tau} the quarter's midpoint in years
 * less the mean of the fitted quarters, category 0 the reference ({@code a_0 = b_0 = 0}).
 * <p>
 * Estimation with Hipparchus' Levenberg-Marquardt: each pass maximises the weighted multinomial quasi-likelihood
 * (least squares on the deviance residuals, whose squares sum to the deviance), then the Huber weights are updated,
 * until neither moves. At the estimate, one least squares solve of {@code sum_q w_q h_q sum_k (s_qk - p_qk)^2 / p~_qk}
 * with {@code p~} its own shares held stays put (its gradient is the likelihood's score), and that Jacobian's
 * {@code (J'J)^-1} is the inverse multinomial information, from Hipparchus' {@code getCovariances}.
 * <ul>
 *   <li>{@code w_q}: the quarter's round count. A quarterly share is a ratio of sums over its rounds, so its variance
 *       falls about as one over their number; USD would let one mega-round weigh as much as a year.</li>
 *   <li>{@code h_q}: Huber weights. A quarter whose largest standardized cell residual {@code r} (against a scale
 *       from the median squared residual, which one outlier cannot inflate) exceeds {@code c} keeps {@code c/|r|}.</li>
 *   <li>Covariance: the sandwich {@code H^-1 M H^-1} ({@code H^-1} from Hipparchus' {@code getCovariances},
 *       {@code M} the quarters' score outer products), since USD shares do not scatter as {@code p(1-p)/rounds}
 *       and the Pearson dispersion would scale every category alike.</li>
 *   <li>Rounds of one company span years and grow as it climbs: the realised shares wander around the trend in
 *       slow swells that a straight trend absorbs, so they hide from its residuals (lag-one autocorrelation about
 *       0, yet about 0.17 against the true trend, fading over some 20 quarters in the generator's data). A
 *       delete-a-block jackknife sees them: the quarters are cut into six consecutive blocks, the fit is repeated
 *       without each, and the drifts' jackknife variance over the sandwich's, averaged over the categories,
 *       multiplies the covariance when above 1; the t quantile then has the jackknife's five degrees of freedom.
 *       (Tried and not enough on the generator's data, 100 series x 20 categories: the Pearson dispersion alone
 *       covered 58 % at 90 %, Newey-West lags 4..16 43..55 %, the halves' drift disagreement 79 %.)</li>
 * </ul>
 */
final class TrendFit {
    /** Median of chi-square with one degree of freedom: the robust scale's consistency factor. */
    private static final double CHI2_1_MEDIAN = new ChiSquaredDistribution(1).inverseCumulativeProbability(0.5);
    /**
     * Of each Levenberg-Marquardt solve: loose, since each pass starts from the last and the reweighting loop only
     * stops once the estimate has stopped moving (1e-6 relative), which then takes one or two steps.
     */
    private static final double TOLERANCE = 1e-6;
    private static final double SINGULARITY = 1e-14;
    /** Jackknife blocks: two years each over a typical twelve-year series, and t with five degrees of freedom. */
    static final int BLOCKS = 6;

    final int categories;
    final int quarters;
    final double centre;
    final double[] tau;
    final double[][] shares;
    final double[] weights;
    final double[] robust;
    final double[] theta;
    final boolean converged;
    final int iterations;
    final double dispersion;
    final double autocorrelation;
    final double pseudoR2;
    /** The jackknife's drift variance over the sandwich's; NaN when not measured. */
    final double stability;
    final RealMatrix covariance;
    final double quantile;
    /** Largest standardized residual of each quarter, signed, and the category it is in. */
    final double[] residual;
    final int[] residualCategory;

    private TrendFit(ShareSeries series, FitSettings settings, FundingShareFit.Warm previous, boolean remeasure) {
        categories = series.categories.size();
        quarters = series.size();
        tau = new double[quarters];
        double sum = 0;
        for (int q = 0; q < quarters; q++) {
            sum += series.time(q);
        }
        centre = sum / quarters;
        shares = new double[quarters][];
        weights = new double[quarters];
        double roundsTotal = 0;
        for (int q = 0; q < quarters; q++) {
            tau[q] = series.time(q) - centre;
            double total = ShareSeries.total(series.usd[q]);
            shares[q] = new double[categories];
            for (int k = 0; k < categories; k++) {
                shares[q][k] = series.usd[q][k] / total;
            }
            roundsTotal += Math.max(series.rounds[q], 1);
        }
        for (int q = 0; q < quarters; q++) {
            // normalised to a mean of one: the dispersion then reads as "times the scatter of an average quarter"
            weights[q] = Math.max(series.rounds[q], 1) * quarters / roundsTotal;
        }
        residual = new double[quarters];
        residualCategory = new int[quarters];
        boolean warm = previous != null && previous.fits(series.categories, quarters, centre);
        robust = warm ? previous.robust().clone() : ones(quarters);
        theta = warm ? previous.theta().clone() : start();
        Double knownInflation = warm && !remeasure && Double.isFinite(previous.inflation()) ? previous.inflation() : null;

        double[][] held = fitted(theta);
        LeastSquaresOptimizer.Optimum optimum = null;
        boolean settled = false;
        int pass = 0;
        try {
            while (pass < settings.maxIterations() && !settled) {
                pass++;
                // the likelihood itself, not held-share passes: those can run off when one quarter pulls a small
                // category's trend, since a share fitted near zero costs them little where money was recorded
                double[] next = maximumLikelihood(theta).getPoint().toArray();
                double change = 0;
                for (int i = 0; i < next.length; i++) {
                    change = Math.max(change, Math.abs(next[i] - theta[i]) / (1 + Math.abs(theta[i])));
                }
                System.arraycopy(next, 0, theta, 0, next.length);
                held = fitted(theta);
                double weightChange = reweigh(held, settings.outlierResidual());
                settled = change < 1e-6 && weightChange < 1e-4;
            }
            // at the estimate, the held-share solve stays put and its (J'J)^-1 is the inverse information
            optimum = settled ? solve(held, theta, 0, 0) : null;
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            settled = false;
        }
        iterations = pass;
        dispersion = pearson(held) / degreesOfFreedom();
        autocorrelation = autocorrelation(held);
        pseudoR2 = pseudoR2(held);
        RealMatrix sandwich = null;
        if (settled) {
            try {
                sandwich = sandwich(optimum.getCovariances(SINGULARITY), held);
                sandwichSlope = new double[parameters()];
                for (int i = 0; i < parameters(); i++) {
                    sandwichSlope[i] = sandwich.getEntry(i, i);
                }
            } catch (MathIllegalArgumentException singular) {
                settled = false;
            }
        }
        converged = settled;
        stability = !converged ? Double.NaN : knownInflation != null ? knownInflation : jackknife(held);
        covariance = converged ? sandwich.scalarMultiply(inflation()) : null;
        // a delete-one-block jackknife of BLOCKS blocks has BLOCKS - 1 degrees of freedom
        int df = Double.isNaN(stability) ? Math.max(quarters - 2, 1) : BLOCKS - 1;
        quantile = new TDistribution(df).inverseCumulativeProbability((1 + settings.confidence()) / 2);
    }

    /**
     * @param previous  the estimate, outlier weights and variance inflation of an earlier fit of this series, to start
     *                  from when it had the same categories and quarters (one more round moves the estimate little,
     *                  so Levenberg-Marquardt needs a step or two); null to start afresh
     * @param remeasure whether to measure the variance inflation again (six more solves) rather than take the earlier
     *                  fit's; it is measured anyway when there is no usable earlier fit
     */
    static TrendFit of(ShareSeries series, FitSettings settings, FundingShareFit.Warm previous, boolean remeasure) {
        return new TrendFit(series, settings, previous, remeasure);
    }

    FundingShareFit.Warm warm(List<String> categoryNames) {
        return new FundingShareFit.Warm(List.copyOf(categoryNames), quarters, centre, theta.clone(), robust.clone(),
                stability);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * Delete-a-block jackknife of the drifts over the quarters cut into {@link #BLOCKS} consecutive blocks, against
     * the sandwich: the mean over categories of {@code var_jackknife(b_k) / var_sandwich(b_k)}. Leaving out two
     * years at a time moves the drifts as much as the slow swells in them do. Each refit is one least squares solve
     * from this fit with its shares and Huber weights held (the one-step jackknife); NaN when a refit fails or a
     * block would be shorter than two quarters.
     */
    private double jackknife(double[][] held) {
        if (quarters < 2 * BLOCKS) {
            return Double.NaN;
        }
        double[][] slopes = new double[BLOCKS][categories];
        try {
            for (int g = 0; g < BLOCKS; g++) {
                double[] rest = solve(held, theta, quarters * g / BLOCKS, quarters * (g + 1) / BLOCKS)
                        .getPoint().toArray();
                for (int k = 1; k < categories; k++) {
                    slopes[g][k] = rest[2 * (k - 1) + 1];
                }
            }
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 1; k < categories; k++) {
            double mean = 0;
            for (int g = 0; g < BLOCKS; g++) {
                mean += slopes[g][k] / BLOCKS;
            }
            double var = 0;
            for (int g = 0; g < BLOCKS; g++) {
                var += (slopes[g][k] - mean) * (slopes[g][k] - mean);
            }
            var *= (BLOCKS - 1.0) / BLOCKS;
            int i = 2 * (k - 1) + 1;
            sum += var / sandwichSlope[i];
        }
        return sum / (categories - 1);
    }

    /** The sandwich's diagonal, before the inflation. */
    private double[] sandwichSlope;

    /** What the covariance is multiplied by: the jackknife's ratio, never below 1. */
    double inflation() {
        return Double.isNaN(stability) ? 1 : Math.max(1, stability);
    }

    /**
     * {@code H^-1 M H^-1}, {@code M} the sum over quarters of the outer product of the quarter's score
     * {@code w_q h_q (s_qj - p_qj) (1, tau_q)}, scaled by quarters / (quarters - 2) for the two trend parameters of
     * each category.
     */
    private RealMatrix sandwich(RealMatrix inverseInformation, double[][] p) {
        int n = parameters();
        double[][] meat = new double[n][n];
        double[] score = new double[n];
        for (int q = 0; q < quarters; q++) {
            for (int j = 1; j < categories; j++) {
                double g = weights[q] * robust[q] * (shares[q][j] - p[q][j]);
                score[2 * (j - 1)] = g;
                score[2 * (j - 1) + 1] = g * tau[q];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    meat[i][j] += score[i] * score[j];
                }
            }
        }
        return inverseInformation.multiply(new Array2DRowRealMatrix(meat, false)).multiply(inverseInformation)
                .scalarMultiply((double) quarters / Math.max(quarters - 2, 1));
    }

    int parameters() {
        return 2 * (categories - 1);
    }

    int observations() {
        return quarters * (categories - 1);
    }

    int degreesOfFreedom() {
        return Math.max(observations() - parameters(), 1);
    }

    /** Constant shares at the weighted mean, no drift: a start from which Levenberg-Marquardt needs few steps. */
    private double[] start() {
        double[] mean = new double[categories];
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                mean[k] += weights[q] * shares[q][k];
            }
        }
        double[] start = new double[parameters()];
        for (int k = 1; k < categories; k++) {
            start[2 * (k - 1)] = Math.log(Math.max(mean[k], 1e-9) / Math.max(mean[0], 1e-9));
        }
        return start;
    }

    /**
     * The weighted multinomial quasi-likelihood's maximum from {@code from}, as a least squares problem whose
     * residuals are the deviance residuals {@code sign(s - p) sqrt(2 w h (s log(s/p) - s + p))}: their squares sum to
     * the deviance, so Levenberg-Marquardt minimising them maximises the likelihood, which a share fitted near zero
     * where money was recorded makes very small.
     */
    private LeastSquaresOptimizer.Optimum maximumLikelihood(double[] from) {
        int rows = quarters * categories;
        int columns = parameters();
        MultivariateJacobianFunction model = point -> {
            double[] th = point.toArray();
            double[] value = new double[rows];
            double[][] jacobian = new double[rows][columns];
            double[] p = new double[categories];
            int row = 0;
            for (int q = 0; q < quarters; q++) {
                softmax(th, tau[q], p);
                double weight = weights[q] * robust[q];
                for (int k = 0; k < categories; k++, row++) {
                    double s = shares[q][k];
                    double pk = Math.max(p[k], 1e-300);
                    double deviance = Math.max((s > 0 ? s * Math.log(s / pk) : 0) - s + pk, 0);
                    double r = Math.sqrt(2 * weight * deviance);
                    value[row] = s >= pk ? r : -r;
                    // d r / d p; near s = p the residual is (s - p) sqrt(w / p), whose slope is the limit
                    double slope = deviance > 1e-12 ? -weight * Math.abs(pk - s) / (pk * r) : -Math.sqrt(weight / pk);
                    chainRule(jacobian[row], slope, p, k, tau[q]);
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        };
        return leastSquares(model, from, rows);
    }

    /**
     * The Jacobian row of a residual of category {@code k}'s share whose derivative in that share is {@code slope}:
     * {@code d p_k / d a_j = p_k (1[k = j] - p_j)}, and {@code t} times that for the drift {@code b_j}.
     */
    private void chainRule(double[] row, double slope, double[] p, int k, double t) {
        for (int j = 1; j < categories; j++) {
            double d = slope * p[k] * ((k == j ? 1 : 0) - p[j]);
            row[2 * (j - 1)] = d;
            row[2 * (j - 1) + 1] = d * t;
        }
    }

    /** Levenberg-Marquardt on {@code model}'s residuals (driven to zero) from {@code from}. */
    private static LeastSquaresOptimizer.Optimum leastSquares(MultivariateJacobianFunction model, double[] from,
                                                              int rows) {
        return new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(TOLERANCE)
                .withParameterRelativeTolerance(TOLERANCE)
                .optimize(new LeastSquaresBuilder()
                        .start(from)
                        .model(model)
                        .target(new double[rows])
                        .maxEvaluations(1_000)
                        .maxIterations(1_000)
                        .build());
    }

    /** One weighted least squares solve from {@code from}, shares held, quarters [skipFrom, skipTo) left out. */
    private LeastSquaresOptimizer.Optimum solve(double[][] held, double[] from, int skipFrom, int skipTo) {
        int rows = (quarters - (skipTo - skipFrom)) * categories;
        int columns = parameters();
        MultivariateJacobianFunction model = point -> {
            double[] th = point.toArray();
            double[] value = new double[rows];
            double[][] jacobian = new double[rows][columns];
            double[] p = new double[categories];
            int row = 0;
            for (int q = 0; q < quarters; q++) {
                if (q >= skipFrom && q < skipTo) {
                    continue;
                }
                softmax(th, tau[q], p);
                for (int k = 0; k < categories; k++, row++) {
                    double scale = Math.sqrt(weights[q] * robust[q] / held[q][k]);
                    value[row] = scale * (p[k] - shares[q][k]);
                    chainRule(jacobian[row], scale, p, k, tau[q]);
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        };
        return leastSquares(model, from, rows);
    }

    /**
     * New Huber weights from the shares just fitted; returns the largest change of a weight. A residual is measured
     * against the category's variance at its average share over the series, not at the share fitted for that
     * quarter: with the fitted share a trend tilted by one mega-round would make the category's early quarters, where
     * it fits a share near zero, look far out, down-weigh them, tilt further and end with every quarter but the
     * outlier left out.
     */
    private double reweigh(double[][] p, double threshold) {
        double[][] z = new double[quarters][categories];
        double[] squares = new double[quarters * categories];
        double[] average = averageShares();
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                double variance = Math.max(average[k] * (1 - average[k]), 1e-12);
                z[q][k] = Math.sqrt(weights[q]) * (shares[q][k] - p[q][k]) / Math.sqrt(variance);
                squares[q * categories + k] = z[q][k] * z[q][k];
            }
        }
        double scale = Math.sqrt(Math.max(new Median().evaluate(squares) / CHI2_1_MEDIAN, 1e-300));
        double change = 0;
        for (int q = 0; q < quarters; q++) {
            int worst = 0;
            for (int k = 1; k < categories; k++) {
                if (Math.abs(z[q][k]) > Math.abs(z[q][worst])) {
                    worst = k;
                }
            }
            residual[q] = z[q][worst] / scale;
            residualCategory[q] = worst;
            double h = Math.abs(residual[q]) > threshold ? threshold / Math.abs(residual[q]) : 1;
            change = Math.max(change, Math.abs(h - robust[q]));
            robust[q] = h;
        }
        return change;
    }

    /** Each category's share of the series, the quarters weighted as in the fit. */
    private double[] averageShares() {
        double[] average = new double[categories];
        double total = 0;
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                average[k] += weights[q] * shares[q][k];
            }
            total += weights[q];
        }
        for (int k = 0; k < categories; k++) {
            average[k] /= total;
        }
        return average;
    }

    double[][] fitted(double[] th) {
        double[][] p = new double[quarters][categories];
        for (int q = 0; q < quarters; q++) {
            softmax(th, tau[q], p[q]);
        }
        return p;
    }

    void softmax(double[] th, double t, double[] p) {
        double max = 0;
        for (int k = 1; k < categories; k++) {
            max = Math.max(max, th[2 * (k - 1)] + th[2 * (k - 1) + 1] * t);
        }
        double sum = Math.exp(-max);
        p[0] = sum;
        for (int k = 1; k < categories; k++) {
            p[k] = Math.exp(th[2 * (k - 1)] + th[2 * (k - 1) + 1] * t - max);
            sum += p[k];
        }
        for (int k = 0; k < categories; k++) {
            p[k] /= sum;
        }
    }

    private double pearson(double[][] p) {
        double chi2 = 0;
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                double gap = shares[q][k] - p[q][k];
                chi2 += weights[q] * robust[q] * gap * gap / p[q][k];
            }
        }
        return chi2;
    }

    /** Pooled lag-one autocorrelation of the Pearson residuals over consecutive quarters: reported, not used. */
    private double autocorrelation(double[][] p) {
        double lagged = 0;
        double squares = 0;
        double[] previous = null;
        for (int q = 0; q < quarters; q++) {
            double[] current = new double[categories];
            for (int k = 0; k < categories; k++) {
                current[k] = Math.sqrt(weights[q] * robust[q] / p[q][k]) * (shares[q][k] - p[q][k]);
                squares += current[k] * current[k];
            }
            if (previous != null && quarterIndexGap(q) == 1) {
                for (int k = 0; k < categories; k++) {
                    lagged += previous[k] * current[k];
                }
            }
            previous = current;
        }
        return squares > 0 ? lagged / squares : 0;
    }

    private int quarterIndexGap(int q) {
        return (int) Math.round((tau[q] - tau[q - 1]) * 4);
    }

    private double pseudoR2(double[][] p) {
        double[] constant = new double[categories];
        double total = 0;
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                constant[k] += weights[q] * robust[q] * shares[q][k];
            }
            total += weights[q] * robust[q];
        }
        double model = 0;
        double none = 0;
        for (int q = 0; q < quarters; q++) {
            for (int k = 0; k < categories; k++) {
                double s = shares[q][k];
                if (s > 0) {
                    model += weights[q] * robust[q] * s * Math.log(s / p[q][k]);
                    none += weights[q] * robust[q] * s * Math.log(s / (constant[k] / total));
                }
            }
        }
        return none > 0 ? 1 - model / none : 0;
    }

    /** Shares (0..1) of the trend at a fractional year, with intervals from the delta method on log-odds. */
    double[][] at(double year) {
        double t = year - centre;
        double[] p = new double[categories];
        softmax(theta, t, p);
        double[] low = new double[categories];
        double[] high = new double[categories];
        double[] gradient = new double[parameters()];
        for (int k = 0; k < categories; k++) {
            for (int j = 1; j < categories; j++) {
                double d = j == k ? 1 : -p[j] / Math.max(1 - p[k], 1e-300);
                gradient[2 * (j - 1)] = d;
                gradient[2 * (j - 1) + 1] = d * t;
            }
            double se = Math.sqrt(Math.max(quadratic(gradient), 0));
            double logit = Math.log(p[k] / (1 - p[k]));
            low[k] = logistic(logit - quantile * se);
            high[k] = logistic(logit + quantile * se);
        }
        return new double[][] {p, low, high};
    }

    /** The drift of category k (k >= 1) in log-odds a year against the reference, with its interval. */
    double[] drift(int k) {
        if (k == 0) {
            return new double[] {0, 0, 0};
        }
        int i = 2 * (k - 1) + 1;
        double se = Math.sqrt(covariance.getEntry(i, i));
        return new double[] {theta[i], theta[i] - quantile * se, theta[i] + quantile * se};
    }

    private double quadratic(double[] g) {
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                sum += g[i] * covariance.getEntry(i, j) * g[j];
            }
        }
        return sum;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
