package io.aigcwatch.valuation.marks;

import io.aigcwatch.events.funding.CompanyData;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** funding-service, which owns the company registry and the rate table. */
@Client(id = "funding")
interface FundingClient {

    @Post("/companies")
    CompanyData register(@Body MarkRequest.Company company);

    @Get("/fx-rates/convert")
    Conversion convert(@QueryValue String currency, @QueryValue String amount, @QueryValue String on);

    @Serdeable
    record Conversion(BigDecimal amount, String currency, BigDecimal usd, BigDecimal unitsPerUsd, LocalDate rateDate) {
    }
}
