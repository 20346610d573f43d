package io.aigcwatch.events;

import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The wire shape that every consumer of the suite, ours or not, relies on. */
class CloudEventJsonTest {
    private static final UUID COMPANY = UUID.fromString("6221cb48-e917-48d7-b513-157e6fe58832");

    @Test
    void aFundingEventIsAStructuredModeCloudEventThatReadsBackWhole() throws Exception {
        FundingRoundData round = new FundingRoundData(UUID.randomUUID(), 1,
                new CompanyData(COMPANY, "Zhipu AI", "智谱AI", "CN", Layer.MODEL, List.of("TEXT")),
                RoundType.SERIES_B,
                new MoneyData(new BigDecimal("1000000000"), null, null, "CNY", AmountPrecision.EXACT,
                        new BigDecimal("144927536.23"), null, null, new BigDecimal("6.9"), LocalDate.of(2023, 3, 1)),
                null, LocalDate.of(2023, 3, 15), List.of(new InvestorData("Example Capital", true)), "https://example.org");
        CloudEvent<FundingRoundData> event = CloudEvent.of("/aigcwatch/funding-service", FundingEventTypes.RECORDED,
                COMPANY.toString(), Instant.parse("2023-03-15T10:00:00Z"), round);

        try (ApplicationContext context = ApplicationContext.run()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            String text = json.writeValueAsString(event);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = json.readValue(text, Map.class);
            assertEquals("1.0", fields.get("specversion"));
            assertEquals(event.id(), fields.get("id"));
            assertEquals("funding.recorded", fields.get("type"));
            assertEquals(COMPANY.toString(), fields.get("subject"));
            assertEquals("application/json", fields.get("datacontenttype"));
            assertEquals("2023-03-15T10:00:00Z", fields.get("time"));

            CloudEvent<FundingRoundData> back = json.readValue(text,
                    Argument.of(CloudEvent.class, FundingRoundData.class));
            assertEquals(event, back);
        }
    }

    @Test
    void aRoundWrittenBeforeDatePrecisionReadsAsKnownToTheDayAndAPreciseOneKeepsItsPrecision() throws Exception {
        FundingRoundData before = new FundingRoundData(UUID.randomUUID(), 1,
                new CompanyData(COMPANY, "Zhipu AI", "智谱AI", "CN", Layer.MODEL, List.of("TEXT")),
                RoundType.UNDISCLOSED, new MoneyData(null, null, null, "CNY", AmountPrecision.UNDISCLOSED, null, null,
                null, null, null), null, LocalDate.of(2023, 2, 15), List.of(new InvestorData("Example Capital", true)),
                "report", DatePrecision.BEFORE);
        try (ApplicationContext context = ApplicationContext.run()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            String text = json.writeValueAsString(before);
            assertEquals(before, json.readValue(text, FundingRoundData.class));
            assertEquals(DatePrecision.BEFORE, json.readValue(text, FundingRoundData.class).announcedPrecision());

            @SuppressWarnings("unchecked")
            Map<String, Object> fields = json.readValue(text, Map.class);
            fields.remove("announcedPrecision");
            String old = json.writeValueAsString(fields);
            assertEquals(DatePrecision.DAY, json.readValue(old, FundingRoundData.class).announcedPrecision());
        }
    }

    @Test
    void anEventWithoutAnIdCannotExist() {
        assertThrows(NullPointerException.class,
                () -> new CloudEvent<>("1.0", null, "/x", "t", Instant.now(), null, CloudEvent.JSON, "data"));
    }
}
