package io.aigcwatch.stack.chaos;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal with the system's {@code kill}, exactly as an operator would type it; Java can send only SIGTERM
 * and SIGKILL itself, and the suite needs SIGSTOP and SIGCONT too.
 */
final class UnixSignal {
    private UnixSignal() {
    }

    /** @param signal a name such as KILL, TERM, STOP or CONT */
    static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + pid, e);
        }
    }
}
