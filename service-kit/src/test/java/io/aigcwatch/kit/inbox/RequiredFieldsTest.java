package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequiredFieldsTest {
    private static final MoneyData UNDISCLOSED = new MoneyData(null, null, null, "USD", AmountPrecision.UNDISCLOSED,
            null, null, null, null, null);

    @Test
    void nullableFieldsMayBeMissingAndRequiredOnesAreNamedByTheirPath() {
        CompanyData company = new CompanyData(UUID.randomUUID(), "Co", null, "US", Layer.MODEL, List.of());
        assertEquals(Optional.empty(), RequiredFields.firstMissing(round(company, List.of())));
        assertEquals(Optional.of("company.id"), RequiredFields.firstMissing(round(
                new CompanyData(null, "Co", null, "US", Layer.MODEL, List.of()), List.of())));
        assertEquals(Optional.of("investors[1].name"), RequiredFields.firstMissing(round(company,
                List.of(new InvestorData("Lead", true), new InvestorData(null, false)))));
        assertEquals(Optional.of("amount"), RequiredFields.firstMissing(new FundingRoundData(UUID.randomUUID(), 1,
                company, RoundType.SEED, null, null, LocalDate.of(2024, 1, 1), List.of(), null)));
    }

    private static FundingRoundData round(CompanyData company, List<InvestorData> investors) {
        return new FundingRoundData(UUID.randomUUID(), 1, company, RoundType.SEED, UNDISCLOSED, null,
                LocalDate.of(2024, 1, 1), investors, null);
    }
}
