package io.aigcwatch.events.valuation;

import io.aigcwatch.events.Layer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter contract the gateway's stream and notification-service's webhooks share. */
class ChangeCriteriaTest {
    private static final ValuationChanged ZHIPU_UP = change("Zhipu AI", "CN", Layer.MODEL, "800000000", "1200000000");
    private static final ValuationChanged FIRST_MARK = change("Newcomer", "US", Layer.APPLICATION, null, "50000000");

    @Test
    void noCriteriaPassEveryChange() {
        assertTrue(ChangeCriteria.ANY.matches(ZHIPU_UP));
        assertTrue(ChangeCriteria.ANY.matches(FIRST_MARK));
    }

    @Test
    void everyCriterionSetMustHoldAndAnyOfItsValuesWill() {
        ChangeCriteria chineseModels = ChangeCriteria.of(List.of(), List.of("cn", "JP"), List.of(Layer.MODEL), false, null);
        assertTrue(chineseModels.matches(ZHIPU_UP));
        assertFalse(chineseModels.matches(FIRST_MARK));
        assertTrue(ChangeCriteria.of(List.of(" zhipu ai "), List.of(), List.of(), false, null).matches(ZHIPU_UP),
                "company names compare case-insensitively");
        assertTrue(ChangeCriteria.of(List.of(ZHIPU_UP.companyId().toString()), List.of(), List.of(), false, null)
                .matches(ZHIPU_UP), "or by id");
    }

    @Test
    void aCompanyNameWithInvisibleOrFullWidthCharactersFiltersForTheSameCompany() {
        for (String spelling : List.of("Zhipu\u200B AI", "\uFEFFZhipu AI", "Zhi\u00ADpu AI", "\u202EZhipu AI",
                "Ｚｈｉｐｕ　ＡＩ", "  zhipu   ai ")) {
            assertTrue(ChangeCriteria.of(List.of(spelling), List.of(), List.of(), false, null).matches(ZHIPU_UP),
                    spelling);
        }
        assertFalse(ChangeCriteria.of(List.of("ZhipuAI"), List.of(), List.of(), false, null).matches(ZHIPU_UP));
    }

    @Test
    void unicornOnlyCountsEnteringTheListAndAFirstValuationPassesAnyMinimumChange() {
        assertTrue(ChangeCriteria.of(List.of(), List.of(), List.of(), true, null).matches(ZHIPU_UP));
        assertFalse(ChangeCriteria.of(List.of(), List.of(), List.of(), true, null).matches(FIRST_MARK));
        ChangeCriteria bigMoves = ChangeCriteria.of(List.of(), List.of(), List.of(), false, new BigDecimal("60"));
        assertFalse(bigMoves.matches(ZHIPU_UP), "+50% is under 60%");
        assertTrue(bigMoves.matches(FIRST_MARK));
    }

    @Test
    void filterValuesAreCheckedByName() {
        assertNull(ChangeCriteria.countryProblem(" cn "));
        assertTrue(ChangeCriteria.countryProblem("China").contains("ISO 3166-1"));
        assertNull(ChangeCriteria.layerProblem("model"));
        assertTrue(ChangeCriteria.layerProblem("ROBOTS").contains("MODEL"));
        assertEquals(Layer.MODEL, ChangeCriteria.layer(" model "));
    }

    private static ValuationChanged change(String company, String country, Layer layer, String previousUsd,
                                           String currentUsd) {
        BigDecimal previous = previousUsd == null ? null : new BigDecimal(previousUsd);
        BigDecimal current = new BigDecimal(currentUsd);
        BigDecimal changePct = previous == null ? null
                : current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous);
        UnicornStatus before = UnicornStatus.of(previous);
        UnicornStatus after = UnicornStatus.of(current);
        return new ValuationChanged(UUID.nameUUIDFromBytes(company.getBytes(StandardCharsets.UTF_8)), company, country, layer, previous,
                current, changePct, before, after, StatusTransition.between(before, after), LocalDate.of(2024, 5, 1),
                "REPORTED", "ROUND", UUID.randomUUID(), UUID.randomUUID(), null);
    }
}
