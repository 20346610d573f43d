package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Exports the way funding-service streams one: the body leaves in pieces, as they are made, so a test can tell whether
 * the gateway forwards each piece or waits for the whole. {@link StreamProgress} says how far each stream got.
 */
@Requires(property = StubService.ENABLED, value = "true")
@Controller("/companies/export")
final class StreamingStubController {
    static final int CHUNK_BYTES = 64 * 1024;

    private final StreamProgress progress;

    StreamingStubController(StreamProgress progress) {
        this.progress = progress;
    }

    /** A CSV of {@code lines} rows, one every {@code everyMs} milliseconds. */
    @Get(value = "/slow/{key}", produces = "text/csv")
    Flux<byte[]> slow(String key, @QueryValue int lines, @QueryValue long everyMs) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(everyMs))
                .take(lines)
                .map(row -> ("row-" + row + ",some,cells\n").getBytes(StandardCharsets.UTF_8))
                .doOnNext(row -> progress.firstSent(key))
                .doOnComplete(() -> progress.finished(key));
    }

    /** {@code lines} rows at once, then nothing more, without ending: a service that hangs mid-export. */
    @Get(value = "/stalling", produces = "text/csv")
    Flux<byte[]> stalling(@QueryValue int lines) {
        return Flux.range(0, lines)
                .map(row -> ("row-" + row + "\n").getBytes(StandardCharsets.UTF_8))
                .concatWith(Flux.never());
    }

    /** {@code megabytes} MiB as fast as the connection takes them, in chunks of {@link #CHUNK_BYTES}. */
    @Get(value = "/large/{key}", produces = "text/csv")
    Flux<byte[]> large(String key, @QueryValue int megabytes) {
        byte[] chunk = new byte[CHUNK_BYTES];
        Arrays.fill(chunk, (byte) 'x');
        chunk[chunk.length - 1] = '\n';
        return Flux.range(0, megabytes * (1024 * 1024 / CHUNK_BYTES))
                .map(index -> chunk)
                .doOnComplete(() -> progress.finished(key));
    }
}
