package io.aigcwatch.valuation;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * The running service on its own share of the real servers, with funding events to send it and its valuation
 * changes to read back: what every test of the service's intake starts from, so each keeps only what it tests.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FundingEventsInTest implements TestPropertyProvider {
    final TestInfra infra = RealInfraExtension.forClass(getClass());

    @Inject
    JsonMapper json;
    FundingEvents funding;
    TopicReader changes;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @BeforeAll
    void connect() {
        funding = new FundingEvents(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS), json);
        changes = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.VALUATION_CHANGES));
    }

    @AfterAll
    void disconnect() {
        funding.close();
        changes.close();
    }
}
