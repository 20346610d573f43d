package io.aigcwatch.valuation;

import io.aigcwatch.testkit.ServiceStartContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.List;

/** The service starts against a real PostgreSQL and Kafka, runs its migrations and reports itself healthy. */
@MicronautTest
class ValuationHealthTest extends ServiceStartContract implements TestPropertyProvider {
    ValuationHealthTest() {
        super("valuation", List.of("0.1", "1"), new Guarded("POST", "/valuation-marks", "{}"),
                new Guarded("GET", "/unicorns", null));
    }
}
