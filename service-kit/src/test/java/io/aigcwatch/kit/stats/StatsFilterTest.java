package io.aigcwatch.kit.stats;

import io.aigcwatch.events.Layer;
import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filters as the gateway and the services read them: normalised when good, every bad one named at once. */
class StatsFilterTest {

    @Test
    void goodValuesComeBackNormalisedAndAsParameters() {
        StatsFilter filter = StatsFilter.parse(" cn ", "model", "2023-q1", "2024-Q4");
        assertEquals(new StatsFilter("CN", Layer.MODEL, "2023-Q1", "2024-Q4"), filter);
        assertEquals(Map.of("country", "CN", "layer", "MODEL", "fromQuarter", "2023-Q1", "toQuarter", "2024-Q4"),
                filter.parameters());
        assertTrue(StatsFilter.parse(null, "", " ", null).isNone());
        assertEquals(Map.of("toQuarter", "2022-Q2"), StatsFilter.parse(null, null, null, "2022-Q2").parameters());
    }

    @Test
    void badValuesAreA422NamingEachParameter() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> StatsFilter.parse("XX", "ROBOTS", "2023-Q5", "24-Q1"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.status());
        Problem problem = refused.toProblem(null);
        assertEquals(List.of("country", "layer", "fromQuarter", "toQuarter"),
                problem.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aSpanThatEndsBeforeItStartsIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> StatsFilter.parse(null, null, "2024-Q1", "2023-Q4"));
        assertEquals(List.of("fromQuarter"),
                refused.toProblem(null).errors().stream().map(Problem.FieldError::field).toList());
        assertEquals(new StatsFilter(null, null, "2024-Q1", "2024-Q1"),
                StatsFilter.parse(null, null, "2024-Q1", "2024-Q1"));
    }
}
