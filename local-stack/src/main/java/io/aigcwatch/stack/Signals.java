package io.aigcwatch.stack;

import sun.misc.Signal;

import java.util.List;

/**
 * Stops the stack on Ctrl-C, SIGTERM and a closed terminal before the JVM begins to exit. Left to shutdown hooks,
 * the stop would race the embedded PostgreSQL's own hook, which stops the database while the services still use it;
 * run from here, the ordered stop is over by the time any hook runs.
 */
final class Signals {
    private static volatile int exitStatus;

    private Signals() {
    }

    static void onTermination(Runnable stop) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), signal -> {
                exitStatus = 128 + signal.getNumber();
                stop.run();
                System.exit(exitStatus);
            });
        }
    }

    /**
     * The shell's status for the signal that stopped the stack, 0 if none did. The main thread exits with it too:
     * the handler runs on a daemon thread, so once the stop is over a returning main would end the JVM with 0
     * before the handler's own exit.
     */
    static int exitStatus() {
        return exitStatus;
    }
}
