package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every filter of the round stream is bounded before any work, and refused naming its parameter. */
class RoundStreamBoundsTest {

    @Test
    void theRoundStreamsMinUsdInExponentNotationOrBeyondItsBoundIsRefusedAndLongValuesAreNotEchoed() {
        // a problem, not BigDecimal's NumberFormatException: the pattern refuses an exponent before it is parsed
        for (String value : new String[]{"1e2000000", "1e1000000000", "10000000000000.01", "-1", "0.001", "1,000"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> rounds("minUsd=" + value));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.status());
            assertTrue(refused.getMessage().startsWith("minUsd: "), refused.getMessage());
        }
        String overlong = String.join("", Collections.nCopies(ChangeCriteria.MAX_COMPANY_LENGTH, "x"));
        for (String name : new String[]{"investor", "segment", "roundType", "country"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> rounds(name + "=" + overlong + "!"));
            assertTrue(refused.getMessage().startsWith(name + ": "), refused.getMessage());
            assertTrue(refused.getMessage().length() < 250, refused.getMessage());
        }
        String many = IntStream.range(0, StreamFilters.MAX_VALUES + 1).mapToObj(i -> "A").collect(Collectors.joining(","));
        assertEquals("roundType: 51 values, more than the 50 allowed",
                assertThrows(ProblemException.class, () -> rounds("roundType=" + many)).getMessage());
        assertEquals(new BigDecimal("100000000.5"), rounds("minUsd=100000000.5").minUsd());
        assertTrue(rounds("includeImported=true").includeImported());
        assertFalse(rounds("includeImported=False").includeImported());
        assertFalse(rounds("minUsd=1").includeImported(), "left out, imported rounds are not sent");
        assertEquals("includeImported: '1' is neither true nor false",
                assertThrows(ProblemException.class, () -> rounds("includeImported=1")).getMessage());
    }

    private static RoundCriteria rounds(String query) {
        String[] pair = query.split("=", 2);
        HttpParameters parameters = HttpRequest.GET("/api/stream/rounds?" + pair[0] + "="
                + URLEncoder.encode(pair[1], StandardCharsets.UTF_8)).getParameters();
        return StreamFilters.rounds(parameters);
    }
}
