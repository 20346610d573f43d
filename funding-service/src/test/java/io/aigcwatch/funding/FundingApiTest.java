package io.aigcwatch.funding;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * The running service on its own share of the real servers, with a client that carries the gateway's credential:
 * what every test of its API starts from, so each keeps only what it tests. Public for the feature packages' tests.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FundingApiTest implements TestPropertyProvider {
    protected final TestInfra infra = RealInfraExtension.forClass(getClass());
    protected EmbeddedServer server;
    protected JsonMapper json;
    protected Http http;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    /** Parameters rather than injected fields, which a subclass in another package could not reach. */
    @BeforeAll
    protected void client(EmbeddedServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
        http = new Http(server.getURI(), json);
    }
}
