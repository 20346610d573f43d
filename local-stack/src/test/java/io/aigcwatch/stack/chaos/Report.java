package io.aigcwatch.stack.chaos;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run's result as Markdown: a headline row to collect across runs, then every check, then every fault. */
final class Report {
    private final StringBuilder text = new StringBuilder();

    private Report() {
    }

    static String markdown(RunResult result) {
        Report report = new Report();
        report.write(result);
        return report.text.toString();
    }

    private void write(RunResult result) {
        Check stored = result.stored();
        line("## Chaos run %s, %s", result.run(), LocalDate.now());
        line("");
        line("%s. %,d rounds started by the load and %d probes; the load took %s, the whole run %s.",
                result.settings().describe(), result.started(), result.probes(), minutes(result.loadTook()),
                minutes(result.runTook()));
        line("");
        StringBuilder head = new StringBuilder("| acknowledged | stored | lost | duplicated |");
        StringBuilder rule = new StringBuilder("| ---: | ---: | ---: | ---: |");
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d | %,d | %d | %d |",
                result.acknowledged(), stored.found(), stored.lost(), stored.duplicated()));
        for (FaultPlan.Outcome fault : result.faults()) {
            head.append(' ').append(fault.fault()).append(" |");
            rule.append(" ---: |");
            row.append(' ').append(recovery(fault)).append(" |");
        }
        line("%s", head);
        line("%s", rule);
        line("%s", row);
        line("");
        line("Each fault's column is the time from the end of the fault (the kill, the restart, the SIGCONT) until a"
                + " new round had gone all the way: stored, valued, counted by the market, on the change stream and"
                + " at a webhook.");
        line("");
        line("| check | expected | found | lost | duplicated | wrong | result | note |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Check check : result.checks()) {
            line("| %s | %,d | %,d | %d | %d | %d | %s | %s |", check.what(), check.expected(), check.found(),
                    check.lost(), check.duplicated(), check.wrong(), check.passed() ? "pass" : "**FAIL**",
                    check.note());
        }
        line("");
        line("| fault | at | held | recovered after |");
        line("| --- | ---: | ---: | ---: |");
        for (FaultPlan.Outcome fault : result.faults()) {
            line("| %s | %.1f s | %.1f s | %s |", fault.fault(), seconds(fault.at()), seconds(fault.held()),
                    recovery(fault));
        }
        line("");
        line("Client retries (same Idempotency-Key, same body): %s.", result.retries().isEmpty() ? "none"
                : result.retries().entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
        line("Service restarts (the suite killed each service once): %s.", result.restarts().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
        List<RoundClient.Posted> unacknowledged = result.unacknowledged();
        line("Rounds never acknowledged: %d%s.", unacknowledged.size(), unacknowledged.isEmpty() ? ""
                : " (first: " + unacknowledged.get(0).failure() + ")");
        line("Records on dead-letter topics: %d.", result.deadLetters());
        if (result.faultFailure() != null) {
            line("The faults stopped early: %s", result.faultFailure());
        }
        line("");
        line("Result: **%s**", result.passed() ? "PASS" : "FAIL");
    }

    private static String recovery(FaultPlan.Outcome fault) {
        return fault.recoveredAfter().map(after -> String.format(Locale.ROOT, "%.1f s", seconds(after)))
                .orElse("**not recovered**");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
