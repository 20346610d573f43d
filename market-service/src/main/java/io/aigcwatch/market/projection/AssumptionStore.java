package io.aigcwatch.market.projection;

import io.aigcwatch.kit.limits.InputLimits;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The versioned projection inputs. An empty store starts from the report's, shipped in the service. */
@Singleton
public class AssumptionStore implements ApplicationEventListener<StartupEvent> {
    static final String REPORT = "classpath:projections/report-2023.json";

    private final AssumptionSetRepository versions;
    private final JsonMapper json;
    private final ResourceResolver resources;
    private final InputLimits limits;

    AssumptionStore(AssumptionSetRepository versions, JsonMapper json, ResourceResolver resources, InputLimits limits) {
        this.versions = versions;
        this.json = json;
        this.resources = resources;
        this.limits = limits;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        if (versions.latest().isEmpty()) {
            try (InputStream in = resources.getResourceAsStream(REPORT)
                    .orElseThrow(() -> new IllegalStateException(REPORT + " is missing from the build"))) {
                versions.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Versioned current() {
        AssumptionSet latest = versions.latest().orElseThrow(() -> new IllegalStateException("no assumptions stored yet"));
        try {
            return new Versioned(latest.version(), json.readValue(latest.body(), Assumptions.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored assumptions " + latest.version() + " do not parse", e);
        }
    }

    /** Checks and stores a new version; a bad set leaves the stored one as it was. */
    @Transactional
    public Versioned replace(Assumptions assumptions) {
        AssumptionRules.check(assumptions, limits);
        try {
            versions.append(json.writeValueAsString(assumptions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current();
    }

    public record Versioned(long version, Assumptions assumptions) {
    }
}
