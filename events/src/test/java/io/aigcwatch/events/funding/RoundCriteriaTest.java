package io.aigcwatch.events.funding;

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

/** The filter contract of new-round alerts, shared by the gateway's round stream and notification-service's webhooks. */
class RoundCriteriaTest {
    /** A round recorded one by one, through the API. */
    private static final String LIVE = FundingEventSources.SERVICE;
    private static final String IMPORTED = FundingEventSources.importJob(
            UUID.fromString("6f1c2a64-3b1e-4c8e-9a55-0d7e3f9b2c11"));
    private static final FundingRoundData ZHIPU_B = round("Zhipu AI", "智谱", "CN", Layer.MODEL,
            List.of("BASE_MODEL", "OPEN_API_MODEL"), RoundType.SERIES_B, exact("300000000"),
            List.of(new InvestorData("Sequoia China", true), new InvestorData("Tencent", false)));
    private static final FundingRoundData TINY_SEED = round("Tiny Apps", null, "US", Layer.APPLICATION,
            List.of(), RoundType.SEED, exact("2000000"), List.of(new InvestorData("Angel One", true)));

    @Test
    void noCriteriaPassEveryRound() {
        assertTrue(RoundCriteria.ANY.matches(LIVE, ZHIPU_B));
        assertTrue(RoundCriteria.ANY.matches(LIVE, TINY_SEED));
    }

    @Test
    void everyCriterionSetMustHoldAndAnyOfItsValuesWill() {
        RoundCriteria chineseModels = criteria(List.of(), List.of(), List.of("cn", "JP"), List.of(Layer.MODEL),
                List.of(), List.of(), null);
        assertTrue(chineseModels.matches(LIVE, ZHIPU_B));
        assertFalse(chineseModels.matches(LIVE, TINY_SEED));
        RoundCriteria laterRounds = criteria(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(RoundType.SERIES_B, RoundType.SERIES_C), null);
        assertTrue(laterRounds.matches(LIVE, ZHIPU_B));
        assertFalse(laterRounds.matches(LIVE, TINY_SEED));
        RoundCriteria chineseSeeds = criteria(List.of(), List.of(), List.of("CN"), List.of(), List.of(),
                List.of(RoundType.SEED), null);
        assertFalse(chineseSeeds.matches(LIVE, ZHIPU_B), "country holds, round type does not");
        assertFalse(chineseSeeds.matches(LIVE, TINY_SEED), "round type holds, country does not");
    }

    @Test
    void aCompanyIsNamedByIdByNameOrByLocalNameHoweverSpelt() {
        for (String company : List.of(ZHIPU_B.company().id().toString(), " zhipu  ai", "ＺＨＩＰＵ AI", "智谱")) {
            assertTrue(companies(company).matches(LIVE, ZHIPU_B), company);
            assertFalse(companies(company).matches(LIVE, TINY_SEED), company);
        }
    }

    @Test
    void anInvestorIsNamedByNameOrByTheIdFundingServiceGivesIt() {
        UUID sequoia = InvestorIds.of("Sequoia China");
        for (String investor : List.of("sequoia china", "Sequoia\u200B China", sequoia.toString(),
                sequoia.toString().toUpperCase())) {
            RoundCriteria backedBySequoia = investors(investor);
            assertTrue(backedBySequoia.matches(LIVE, ZHIPU_B), investor);
            assertFalse(backedBySequoia.matches(LIVE, TINY_SEED), investor);
        }
        assertTrue(investors("Nobody Capital", "TENCENT").matches(LIVE, ZHIPU_B), "any one of the investors will do");
        assertFalse(investors("Nobody Capital").matches(LIVE, ZHIPU_B));
        assertEquals(UUID.nameUUIDFromBytes("investor:sequoia china".getBytes(StandardCharsets.UTF_8)), sequoia,
                "the id funding-service has always minted");
    }

    @Test
    void aSegmentMatchesAnyOfTheCompanysSegmentsInAnyCase() {
        RoundCriteria openApi = criteria(List.of(), List.of(), List.of(), List.of(), List.of("open_api_model"),
                List.of(), null);
        assertTrue(openApi.matches(LIVE, ZHIPU_B));
        assertFalse(openApi.matches(LIVE, TINY_SEED), "a company without segments matches no segment filter");
    }

    @Test
    void minUsdCountsAnApproximateAmountAtItsMiddleAndNeverPassesAnUndisclosedOne() {
        RoundCriteria big = minUsd("100000000");
        assertTrue(big.matches(LIVE, ZHIPU_B));
        assertTrue(minUsd("300000000").matches(LIVE, ZHIPU_B), "the minimum itself passes");
        assertFalse(big.matches(LIVE, TINY_SEED));
        FundingRoundData ranged = withAmount(new MoneyData(null, new BigDecimal("500"), new BigDecimal("1000"), "CNY",
                AmountPrecision.APPROXIMATE, null, new BigDecimal("80000000"), new BigDecimal("140000000"),
                new BigDecimal("7.1"), LocalDate.of(2024, 5, 1)));
        assertTrue(minUsd("110000000").matches(LIVE, ranged));
        assertFalse(minUsd("110000000.01").matches(LIVE, ranged));
        FundingRoundData undisclosed = withAmount(new MoneyData(null, null, null, "USD", AmountPrecision.UNDISCLOSED,
                null, null, null, null, null));
        assertFalse(minUsd("0").matches(LIVE, undisclosed));
        assertTrue(RoundCriteria.ANY.matches(LIVE, undisclosed));
    }

    @Test
    void anImportedRoundPassesOnlyCriteriaThatIncludeImportedOnesAndThenOnlyIfTheRestHold() {
        assertFalse(RoundCriteria.ANY.matches(IMPORTED, ZHIPU_B), "history being loaded is not news by default");
        RoundCriteria withImports = RoundCriteria.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, true);
        assertTrue(withImports.matches(IMPORTED, ZHIPU_B));
        assertTrue(withImports.matches(LIVE, ZHIPU_B), "including imports still includes everything else");
        RoundCriteria chineseWithImports = RoundCriteria.of(List.of(), List.of(), List.of("CN"), List.of(), List.of(),
                List.of(), null, true);
        assertTrue(chineseWithImports.matches(IMPORTED, ZHIPU_B));
        assertFalse(chineseWithImports.matches(IMPORTED, TINY_SEED), "the other criteria still hold for imports");
        assertFalse(companies("Zhipu AI").matches(IMPORTED, ZHIPU_B));
        assertTrue(companies("Zhipu AI").matches(LIVE, ZHIPU_B));
        assertTrue(RoundCriteria.ANY.matches(null, ZHIPU_B), "an event that does not say is no import");
    }

    @Test
    void onlyAnImportJobsSourceIsAnImport() {
        UUID job = UUID.fromString("6f1c2a64-3b1e-4c8e-9a55-0d7e3f9b2c11");
        assertEquals("/aigcwatch/funding-service/imports/6f1c2a64-3b1e-4c8e-9a55-0d7e3f9b2c11",
                FundingEventSources.importJob(job));
        assertEquals("/aigcwatch/funding-service", FundingEventSources.SERVICE, "what every consumer has always read");
        assertTrue(FundingEventSources.isImport(FundingEventSources.importJob(job)));
        assertFalse(FundingEventSources.isImport(FundingEventSources.SERVICE));
        assertFalse(FundingEventSources.isImport(null));
        assertFalse(FundingEventSources.isImport("/aigcwatch/funding-service/importsX"));
        assertFalse(FundingEventSources.isImport("/elsewhere/aigcwatch/funding-service/imports/x"));
    }

    @Test
    void eachKindOfValueSaysWhatIsWrongWithIt() {
        assertNull(RoundCriteria.countryProblem(" cn "));
        assertTrue(RoundCriteria.countryProblem("China").contains("ISO 3166-1"));
        assertNull(RoundCriteria.layerProblem("model"));
        assertTrue(RoundCriteria.layerProblem("MODELS").contains("MODEL"));
        assertNull(RoundCriteria.roundTypeProblem("series_b"));
        assertTrue(RoundCriteria.roundTypeProblem("SERIES_Z").contains("SERIES_F_PLUS"));
        assertNull(RoundCriteria.segmentProblem("BASE_MODEL"));
        assertNull(RoundCriteria.segmentProblem(" virtual_human "), "any case, as funding-service takes it");
        assertTrue(RoundCriteria.segmentProblem("MULTIMODAL").contains("GET /api/taxonomy"),
                "well shaped but not the report's: refused, not a filter that never matches");
        assertTrue(RoundCriteria.segmentProblem("base model").contains("GET /api/taxonomy"));
        assertTrue(RoundCriteria.segmentProblem("X".repeat(RoundCriteria.MAX_SEGMENT_LENGTH + 1)) != null);
        assertNull(RoundCriteria.nameProblem("Sequoia China"));
        assertTrue(RoundCriteria.nameProblem(" ") != null);
        assertTrue(RoundCriteria.nameProblem("x".repeat(RoundCriteria.MAX_NAME_LENGTH + 1)) != null);
        assertNull(RoundCriteria.minUsdProblem(new BigDecimal("1000000.50")));
        assertNull(RoundCriteria.minUsdProblem(RoundCriteria.MAX_MIN_USD));
        for (String bad : List.of("-1", "0.001", "10000000000000.01")) {
            assertTrue(RoundCriteria.minUsdProblem(new BigDecimal(bad)) != null, bad);
        }
    }

    private static RoundCriteria criteria(List<String> companies, List<String> investors, List<String> countries,
                                          List<Layer> layers, List<String> segments, List<RoundType> types,
                                          String minUsd) {
        return RoundCriteria.of(companies, investors, countries, layers, segments, types,
                minUsd == null ? null : new BigDecimal(minUsd), false);
    }

    private static RoundCriteria companies(String... companies) {
        return criteria(List.of(companies), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static RoundCriteria investors(String... investors) {
        return criteria(List.of(), List.of(investors), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static RoundCriteria minUsd(String minUsd) {
        return criteria(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), minUsd);
    }

    private static MoneyData exact(String usd) {
        return new MoneyData(new BigDecimal(usd), null, null, "USD", AmountPrecision.EXACT, new BigDecimal(usd), null,
                null, BigDecimal.ONE, LocalDate.of(2024, 5, 1));
    }

    private static FundingRoundData withAmount(MoneyData amount) {
        return new FundingRoundData(ZHIPU_B.roundId(), 1, ZHIPU_B.company(), ZHIPU_B.round(), amount, null,
                ZHIPU_B.announcedOn(), ZHIPU_B.investors(), null);
    }

    private static FundingRoundData round(String name, String localName, String country, Layer layer,
                                          List<String> segments, RoundType type, MoneyData amount,
                                          List<InvestorData> investors) {
        CompanyData company = new CompanyData(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name,
                localName, country, layer, segments);
        return new FundingRoundData(UUID.randomUUID(), 1, company, type, amount, null, LocalDate.of(2024, 5, 1),
                investors, "https://example.com/news");
    }
}
