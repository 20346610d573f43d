package io.aigcwatch.stack.chaos;

/**
 * One line of the result: what should be there, what is, and how it differs.
 *
 * @param expected   how many there should be
 * @param found      how many are there exactly once (at least once for webhooks, which promise no more)
 * @param lost       how many are missing
 * @param duplicated how many are there more than once (for webhooks: came with more than one webhook-id)
 * @param wrong      how many are there but not as they should be (a wrong sum, a change no filter let through)
 */
record Check(String what, long expected, long found, long lost, long duplicated, long wrong, String note) {

    boolean passed() {
        return found == expected && lost == 0 && duplicated == 0 && wrong == 0;
    }
}
