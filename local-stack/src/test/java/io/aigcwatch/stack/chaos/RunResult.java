package io.aigcwatch.stack.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a run found.
 *
 * @param started        rounds the load started, probes not included
 * @param probes         rounds the recovery checks posted
 * @param acknowledged   rounds acknowledged, probes included
 * @param unacknowledged rounds whose client gave up, or was refused
 * @param retries        client retries by cause
 * @param restarts       how often each service was started again, after the suite's kill or any other exit
 * @param faultFailure   why the faults stopped before the last one; null when they all ran
 */
record RunResult(String run, ChaosSettings settings, int started, int probes, int acknowledged,
                 List<RoundClient.Posted> unacknowledged, List<Check> checks, List<FaultPlan.Outcome> faults,
                 Map<String, Long> retries, Map<String, Integer> restarts, long deadLetters, Duration loadTook,
                 Duration runTook, String faultFailure) {

    boolean passed() {
        return checks.stream().allMatch(Check::passed)
                && faults.stream().allMatch(fault -> fault.recoveredAfter().isPresent())
                && unacknowledged.isEmpty() && faultFailure == null && started >= settings.rounds()
                && deadLetters == 0;
    }

    /** The first check counts the rounds themselves. */
    Check stored() {
        return checks.get(0);
    }
}
