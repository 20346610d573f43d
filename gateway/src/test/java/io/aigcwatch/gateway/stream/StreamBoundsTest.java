package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Every filter and resume id of the stream is bounded before any work, and refused naming its field. */
class StreamBoundsTest {

    @Test
    void minChangePctInExponentNotationOrBeyondItsBoundIsRefusedAtOnce() {
        for (String value : new String[]{"1e2000000", "1e1000000000", "100000.01", "-1", "0.001", "12.5%"}) {
            ProblemException refused = assertTimeoutPreemptively(Duration.ofMillis(500),
                    () -> assertThrows(ProblemException.class, () -> filters("minChangePct=" + value)));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.status());
            assertTrue(refused.getMessage().startsWith("minChangePct: "), refused.getMessage());
        }
        assertTrue(filters("minChangePct=100000").matches(change(new BigDecimal("-100000"))));
        assertTrue(filters("minChangePct=12.5").matches(change(new BigDecimal("13"))));
    }

    @Test
    void moreValuesThanAllowedAreOneErrorAndAnOverlongValueIsNotEchoed() {
        String many = IntStream.range(0, StreamFilters.MAX_VALUES + 1).mapToObj(i -> "US").collect(Collectors.joining(","));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> filters("country=" + many));
        assertEquals("country: 51 values, more than the 50 allowed", tooMany.getMessage());

        String overlong = String.join("", Collections.nCopies(ChangeCriteria.MAX_COMPANY_LENGTH + 1, "x"));
        ProblemException longList = assertThrows(ProblemException.class, () -> filters("company=" + overlong));
        assertTrue(longList.getMessage().startsWith("company: longer than 200 characters"), longList.getMessage());
        for (String name : new String[]{"company", "country", "layer"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> filters(name + "=" + overlong));
            assertTrue(refused.getMessage().length() < 120, refused.getMessage());
        }
        ProblemException country = assertThrows(ProblemException.class,
                () -> filters("country=" + overlong.substring(0, 150)));
        assertTrue(country.getMessage().length() < 150, country.getMessage());
    }

    @Test
    void aLastEventIdNamingMorePartitionsThanAllowedIsMalformed() {
        String id = IntStream.rangeClosed(0, StreamPosition.MAX_PARTITIONS).mapToObj(p -> p + "-0")
                .collect(Collectors.joining("."));
        ProblemException refused = assertThrows(ProblemException.class, () -> StreamPosition.decode(id, "Last-Event-ID"));
        assertEquals(HttpStatus.BAD_REQUEST, refused.status());
        assertTrue(refused.getMessage().length() < 250, refused.getMessage());

        String longest = IntStream.range(0, StreamPosition.MAX_PARTITIONS).mapToObj(p -> p + "-999999999999999999")
                .collect(Collectors.joining("."));
        assertEquals(StreamPosition.MAX_PARTITIONS, StreamPosition.decode(longest, "id").nextOffsets().size());
        assertThrows(ProblemException.class, () -> StreamPosition.decode(longest + ".", "id"));
        assertThrows(ProblemException.class, () -> StreamPosition.decode("0-" + "9".repeat(19), "id"));
    }

    private static ChangeCriteria filters(String query) {
        String[] pair = query.split("=", 2);
        HttpParameters parameters = HttpRequest.GET("/api/valuation-changes/stream?" + pair[0] + "="
                + URLEncoder.encode(pair[1], StandardCharsets.UTF_8)).getParameters();
        return StreamFilters.from(parameters);
    }

    private static ValuationChanged change(BigDecimal changePct) {
        UnicornStatus status = UnicornStatus.of(new BigDecimal("2000000000"));
        return new ValuationChanged(UUID.randomUUID(), "Bounded AI", "US", Layer.MODEL, new BigDecimal("2000000000"),
                new BigDecimal("2000000000"), changePct, status, status, StatusTransition.between(status, status),
                null, null, null, null, null, null);
    }
}
