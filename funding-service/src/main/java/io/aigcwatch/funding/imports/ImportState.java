package io.aigcwatch.funding.imports;

/** DONE and FAILED are final; a RECEIVING job whose upload was cut off becomes FAILED on the next start. */
enum ImportState {
    RECEIVING, QUEUED, RUNNING, DONE, FAILED
}
