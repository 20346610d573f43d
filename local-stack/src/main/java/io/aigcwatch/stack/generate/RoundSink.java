package io.aigcwatch.stack.generate;

import java.io.IOException;

/** Where generated rounds go, one at a time, so that a data set of any size takes constant memory. */
public interface RoundSink extends AutoCloseable {
    void accept(GeneratedRound round) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
