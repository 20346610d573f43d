package io.aigcwatch.market;

import io.aigcwatch.testkit.ServiceStartContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.List;

/** The service starts against a real PostgreSQL and Kafka, runs its migrations and reports itself healthy. */
@MicronautTest
class MarketHealthTest extends ServiceStartContract implements TestPropertyProvider {
    MarketHealthTest() {
        super("market", List.of("0.1", "1"), new Guarded("PUT", "/market/assumptions", "{}"),
                new Guarded("GET", "/market/shares?by=layer", null));
    }
}
