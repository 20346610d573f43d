package io.aigcwatch.market.projection;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maths against values computed by hand, and the report's own inputs end to end. */
class ProjectionModelTest {

    @Test
    void sizeGrowsAtTheRateTheAnchorsImply() {
        // 100 to 121 over two years is 10% a year, so the middle year is 110
        List<Assumptions.SizeAnchor> anchors = List.of(new Assumptions.SizeAnchor(2020, new BigDecimal("100"), null),
                new Assumptions.SizeAnchor(2022, new BigDecimal("121"), null));
        assertEquals(0.10, ProjectionModel.cagr(100, 121, 2), 1e-12);
        assertEquals(110.0, ProjectionModel.size(anchors, 2021, new LinkedHashSet<>()), 1e-9);
        Set<String> warnings = new LinkedHashSet<>();
        assertEquals(133.1, ProjectionModel.size(anchors, 2023, warnings), 1e-9);
        assertTrue(warnings.iterator().next().contains("extrapolated"));
    }

    @Test
    void fisherPryMovesLogOddsInAStraightLine() {
        // 10% has log-odds ln(1/9); 90% has ln(9); halfway the log-odds are 0, which is 50%
        assertEquals(50.0, ProjectionModel.logistic(10, 90, 0.5), 1e-9);
        // a quarter of the way: log-odds -ln 9 / 2 = -ln 3, so the share is 1 / (1 + 3) = 25%
        assertEquals(25.0, ProjectionModel.logistic(10, 90, 0.25), 1e-9);
        assertEquals(10.0, ProjectionModel.logistic(10, 90, 0), 1e-9);
    }

    @Test
    void anOvershootIsScaledDownAndAnUndershootGoesToOther() {
        Map<RevenueModel, BigDecimal> over = ProjectionModel.normalise(Map.of(RevenueModel.MAAS, 47.0,
                RevenueModel.PAY_PER_OUTPUT, 32.0, RevenueModel.SUBSCRIPTION, 10.0, RevenueModel.MODEL_TRAINING, 13.0));
        // 47 / 1.02 = 46.078..., 32 / 1.02 = 31.372..., 10 / 1.02 = 9.803..., 13 / 1.02 = 12.745...
        assertEquals(new BigDecimal("46.08"), over.get(RevenueModel.MAAS));
        assertEquals(new BigDecimal("31.37"), over.get(RevenueModel.PAY_PER_OUTPUT));
        assertEquals(new BigDecimal("0.00"), over.get(RevenueModel.OTHER));
        assertEquals(new BigDecimal("100.00"), sum(over));
        Map<RevenueModel, BigDecimal> under = ProjectionModel.normalise(Map.of(RevenueModel.MAAS, 40.0,
                RevenueModel.PAY_PER_OUTPUT, 50.0, RevenueModel.SUBSCRIPTION, 0.0, RevenueModel.MODEL_TRAINING, 5.0));
        assertEquals(new BigDecimal("5.00"), under.get(RevenueModel.OTHER));
        assertEquals(new BigDecimal("100.00"), sum(under));
    }

    @Test
    void theReportsInputsGiveEightYearsThatAddUpWithTheirCaveats() throws Exception {
        Projection projection = ProjectionModel.project(reportAssumptions(), 1, 2023, 2030, "BASE");
        assertEquals(8, projection.years().size());
        for (Projection.Year year : projection.years()) {
            assertEquals(new BigDecimal("100.00"), sum(year.shares()), "shares of " + year.year());
        }
        Projection.Year y2023 = projection.years().get(0);
        Projection.Year y2027 = projection.years().get(4);
        Projection.Year y2030 = projection.years().get(7);
        assertEquals(new BigDecimal("1150000000000"), y2030.sizeCny());
        assertEquals(new BigDecimal("17000000000"), y2023.sizeCny());
        assertEquals(new BigDecimal("5.00"), y2023.shares().get(RevenueModel.MAAS));
        assertEquals(new BigDecimal("46.08"), y2027.shares().get(RevenueModel.MAAS));
        for (int i = 1; i < 5; i++) {
            Projection.Year year = projection.years().get(i);
            Projection.Year before = projection.years().get(i - 1);
            assertTrue(year.shares().get(RevenueModel.MAAS).compareTo(before.shares().get(RevenueModel.MAAS)) > 0,
                    "MaaS rises into " + year.year());
            assertTrue(year.shares().get(RevenueModel.PAY_PER_OUTPUT).compareTo(before.shares().get(RevenueModel.PAY_PER_OUTPUT)) < 0,
                    "pay per output falls into " + year.year());
        }
        assertEquals(List.of("EXPLORATION"), y2023.stages());
        assertEquals(List.of("EXPLORATION", "APPLICATION_BOOM"), projection.years().get(2).stages());
        assertEquals(List.of("APPLICATION_BOOM"), y2027.stages());
        assertEquals(List.of("ACCELERATION"), projection.years().get(5).stages());
        String warnings = String.join("\n", projection.warnings());
        assertTrue(warnings.contains("2027 inputs sum to 102% (MAAS 47 + PAY_PER_OUTPUT 32 + SUBSCRIPTION 10 + MODEL_TRAINING 13); renormalised"),
                warnings);
        assertTrue(warnings.contains("2025 falls in more than one of the report's stages"), warnings);
        assertTrue(warnings.contains("shares after 2027 are held"), warnings);
        // (1150 / 17) ^ (1/7) - 1 = 0.82585: 82.58% a year
        assertEquals(new BigDecimal("82.58"), projection.impliedCagrPct().get("2023-2030"));
        BigDecimal low = ProjectionModel.project(reportAssumptions(), 1, 2030, 2030, "LOW").years().get(0).sizeCny();
        assertEquals(new BigDecimal("862500000000"), low);
    }

    static Assumptions reportAssumptions() throws Exception {
        try (InputStream in = ProjectionModelTest.class.getResourceAsStream("/projections/report-2023.json")) {
            return ObjectMapper.getDefault().readValue(in.readAllBytes(), Assumptions.class);
        }
    }

    private static BigDecimal sum(Map<RevenueModel, BigDecimal> shares) {
        return shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
