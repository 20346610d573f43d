package io.aigcwatch.funding.imports;

/**
 * DONE and FAILED are final. RECEIVING lasts while the file streams in, inside the transaction that stages it, so
 * only that upload's own response could ever show it: a job is visible from QUEUED on.
 */
enum ImportState {
    RECEIVING, QUEUED, RUNNING, DONE, FAILED
}
