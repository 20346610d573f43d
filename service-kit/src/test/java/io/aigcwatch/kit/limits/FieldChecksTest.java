package io.aigcwatch.kit.limits;

import io.aigcwatch.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared bounds themselves: what they let through, in what form, and that no value makes them slow. */
class FieldChecksTest {
    private static final DecimalBound AMOUNT = DecimalBound.positive(BigDecimal.TEN.pow(18), 4, 40);
    private static final DecimalBound PERCENT = DecimalBound.atLeastZero(BigDecimal.valueOf(100), 4, 40);

    @Test
    void decimalsWithinBoundsComeBackPlainWithoutTrailingZeros() {
        FieldChecks checks = new FieldChecks();
        assertEquals("1000000", checks.decimal("a", new BigDecimal("1E+6"), AMOUNT).toPlainString());
        assertEquals("12.34", checks.decimal("a", new BigDecimal("12.3400"), AMOUNT).toPlainString());
        assertEquals("1500", checks.decimal("a", "1.5e3", AMOUNT).toPlainString());
        assertEquals("0", checks.decimal("a", BigDecimal.ZERO, PERCENT).toPlainString());
        assertEquals("1000000000000000000", checks.decimal("a", "1e18", AMOUNT).toPlainString());
        assertFalse(checks.hasErrors());
    }

    @Test
    void hugeTinyAndNegativeExponentsAreRefusedAtOnceWithoutBeingWrittenOut() {
        List<String> refused = List.of("1e1000000000", "-1e1000000000", "1e-1000000000", "0E-1000000000",
                "-0.5", "0", "1000000000000000000.0001", "0.00001", "1e99999999999");
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (String value : refused) {
                FieldChecks checks = new FieldChecks();
                assertNull(checks.decimal("amount", value, AMOUNT), value);
                ProblemException problem = assertThrows(ProblemException.class, checks::throwIfAny, value);
                assertTrue(problem.getMessage().startsWith("amount: ") && problem.getMessage().length() < 200,
                        problem.getMessage());
            }
        });
    }

    @Test
    void aDecimalTooLongAsTextIsRefusedBeforeItIsParsed() {
        FieldChecks checks = new FieldChecks();
        assertNull(checks.decimal("amount", "1".repeat(41), AMOUNT));
        assertEquals("amount: must be a decimal number of at most 40 characters",
                assertThrows(ProblemException.class, checks::throwIfAny).getMessage());
    }

    @Test
    void listsMapsAndPagesAreBoundedByTheirSize() {
        FieldChecks checks = new FieldChecks();
        assertEquals(List.of(), checks.list("investors", List.of(1, 2, 3), 2));
        assertEquals(List.of(1, 2), checks.list("segments", List.of(1, 2), 2));
        assertEquals(List.of(), checks.list("absent", null, 2));
        assertEquals(Map.of(), checks.entries("scenarios", Map.of("A", 1, "B", 2, "C", 3), 2));
        assertEquals(50, checks.pageSize("limit", null, 50, 500));
        assertEquals(500, checks.pageSize("limit", 500, 50, 500));
        assertEquals(50, checks.pageSize("limit", 501, 50, 500));
        String problem = assertThrows(ProblemException.class, checks::throwIfAny).toProblem(null).errors().toString();
        assertTrue(problem.contains("field=investors,") && problem.contains("field=scenarios,")
                && problem.contains("field=limit,") && !problem.contains("field=segments,"), problem);
    }

    @Test
    void aRefusedValueIsRepeatedAtMostFiftyCharactersLong() {
        FieldChecks checks = new FieldChecks();
        checks.enumValue("layer", "x".repeat(10_000), Thread.State.class);
        String message = assertThrows(ProblemException.class, checks::throwIfAny).getMessage();
        assertTrue(message.length() < 200 && message.contains("'" + "x".repeat(50) + "...'"), message);
    }

    @Test
    void datesAndInstantsAreOnlyThoseADatabaseHolds() {
        FieldChecks checks = new FieldChecks();
        assertEquals(LocalDate.of(2023, 3, 15), checks.date("from", " 2023-03-15 "));
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), checks.instant("since", "2024-01-31T00:00:00Z"));
        assertNull(checks.date("absent", null));
        assertFalse(checks.hasErrors());
        assertNull(checks.date("from", "+999999999-12-31"));
        assertNull(checks.instant("since", "+1000000000-01-01T00:00:00Z"));
        String problem = assertThrows(ProblemException.class, checks::throwIfAny).toProblem(null).errors().toString();
        assertTrue(problem.contains("field=from,") && problem.contains("field=since,"), problem);
    }

    @Test
    void oneChecksASingleParameterAndEndsTheRequestWhenItIsBad() {
        assertEquals("abc", FieldChecks.one(checks -> checks.optionalText("cursor", " abc ", 3)));
        assertThrows(ProblemException.class, () -> FieldChecks.one(checks -> checks.optionalText("cursor", "abcd", 3)));
    }
}
