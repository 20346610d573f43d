package io.aigcwatch.contract.badinput;

/**
 * What the stack answered to one probe.
 *
 * @param status      0 when no answer came (timeout or a broken connection)
 * @param contentType the answer's, or empty
 * @param failure     why no answer came, or null
 */
record Outcome(Probe probe, int status, String contentType, String bodyExcerpt, String failure) {
    static final String PROBLEM = "application/problem+json";

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    boolean refused() {
        return status >= 400 && status < 500;
    }

    boolean acceptable() {
        return succeeded() || (refused() && contentType.startsWith(PROBLEM));
    }

    boolean timedOut() {
        return status == 0;
    }

    boolean serverError() {
        return status >= 500;
    }

    String describe() {
        return probe.describe() + " -> " + (failure != null ? failure
                : status + " " + contentType + (bodyExcerpt.isEmpty() ? "" : " " + bodyExcerpt));
    }
}
