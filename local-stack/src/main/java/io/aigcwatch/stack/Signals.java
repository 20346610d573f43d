package io.aigcwatch.stack;

import sun.misc.Signal;

import java.util.List;

/**
 * Stops the stack on Ctrl-C, SIGTERM and a closed terminal before the JVM begins to exit. Left to shutdown hooks,
 * the stop would race the embedded PostgreSQL's own hook, which stops the database while the services still use it;
 * run from here, the ordered stop is over by the time any hook runs.
 */
final class Signals {
    private Signals() {
    }

    static void onTermination(Runnable stop) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), signal -> {
                stop.run();
                System.exit(128 + signal.getNumber());
            });
        }
    }
}
