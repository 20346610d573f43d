package io.aigcwatch.market.recompute;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces recomputes: inputs only mark their scopes dirty, and a flush a few hundred milliseconds later has each
 * dirty scope publish what moved since it was last published (see {@link ScopePublisher}), if anything did. A burst
 * of a thousand rounds therefore costs one read and one event per scope.
 *
 * <p>A mark is cleared only once its recompute committed, so a failed one is tried again at the next flush. The
 * marks live in memory, but what they stand for does not get lost with them: the published values are stored, and
 * every scope is recomputed once when the service starts, so an input applied before a crash and never published
 * is published then.
 */
@Singleton
public class Recomputer implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Recomputer.class);

    /** Each dirty scope, with how many inputs marked it since its last recompute. */
    private final Map<String, Long> dirty = new ConcurrentHashMap<>();
    private final List<OutputScope> scopes;
    private final ScopePublisher publisher;

    Recomputer(List<OutputScope> scopes, ScopePublisher publisher) {
        this.scopes = scopes;
        this.publisher = publisher;
    }

    /**
     * Runs once the schema and the stored assumptions are in place, which the server's start follows. A scope that
     * has never been published takes what it holds now as its baseline; any other publishes what moved while the
     * service was down or before it crashed.
     */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (OutputScope scope : scopes) {
            dirty.merge(scope.name(), 0L, Long::sum);
        }
        flush();
    }

    /** Called after an input committed. */
    public void inputsChanged(String... affectedScopes) {
        for (String scope : affectedScopes) {
            dirty.merge(scope, 1L, Long::sum);
        }
    }

    /** One flush at a time, so that what a recompute covers is subtracted from its mark exactly once. */
    @Scheduled(fixedDelay = "${aigcwatch.market.coalesce-window:250ms}")
    synchronized void flush() {
        for (OutputScope scope : scopes) {
            Long marked = dirty.get(scope.name());
            if (marked == null) {
                continue;
            }
            try {
                publisher.publish(scope, marked);
            } catch (RuntimeException e) {
                LOG.warn("Could not publish the recompute of {}; it stays due and is tried again", scope.name(), e);
                continue;
            }
            // a mark taken since `marked` was read may stand for an input the recompute did not see: it stays
            dirty.computeIfPresent(scope.name(), (name, count) -> count == marked.longValue() ? null : count - marked);
        }
    }
}
