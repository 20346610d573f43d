package io.aigcwatch.valuation;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * funding-service's two calls that marks make, answered the way it answers them: the real service runs in its
 * own JVM, which a valuation-service test cannot start beside itself. Only active in the stand-in's context.
 */
@Controller
@Requires(property = "test.funding-stand-in", value = "true")
class FundingStandIn {
    static final BigDecimal CNY_PER_USD = new BigDecimal("7.0");

    @Post("/companies")
    HttpResponse<?> register(@Body Map<String, Object> company) {
        if ("ZZ".equals(company.get("country"))) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("status", 422,
                    "detail", "invalid", "errors", List.of(Map.of("field", "company.country", "message", "'ZZ' is not a country"))));
        }
        String name = (String) company.get("name");
        return HttpResponse.ok(new CompanyData(UUID.nameUUIDFromBytes(name.getBytes()), name, null,
                (String) company.get("country"), Layer.valueOf((String) company.get("layer")), List.of()));
    }

    @Get("/fx-rates/convert")
    Map<String, Object> convert(@QueryValue String currency, @QueryValue String amount, @QueryValue String on) {
        BigDecimal rate = "USD".equals(currency) ? BigDecimal.ONE : CNY_PER_USD;
        return Map.of("amount", new BigDecimal(amount), "currency", currency,
                "usd", new BigDecimal(amount).divide(rate, 2, RoundingMode.HALF_EVEN), "unitsPerUsd", rate,
                "rateDate", LocalDate.parse(on).withDayOfMonth(1).toString());
    }
}
