package io.aigcwatch.gateway.ratelimit;

/**
 * What charging one request to a caller's bucket left.
 *
 * @param granted        whether the request may go on
 * @param remaining      tokens left in the bucket
 * @param nanosUntilNext how long until the next token, when none is left
 * @param nanosUntilFull how long until the bucket is full again
 */
record Allowance(boolean granted, long remaining, long nanosUntilNext, long nanosUntilFull) {
}
