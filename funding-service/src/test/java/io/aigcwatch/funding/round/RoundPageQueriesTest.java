package io.aigcwatch.funding.round;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.aigcwatch.funding.Http;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page of rounds costs the same number of statements whatever the number of companies on it. Statements are
 * counted where Micronaut Data logs each one it runs; only those on rounds and companies count, so the outbox relay
 * polling in the background adds nothing.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundPageQueriesTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(RoundPageQueriesTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aPageOfTenCompaniesTakesAsManyStatementsAsAPageOfOne() {
        Http http = new Http(server.getURI(), json);
        for (int year = 2010; year < 2020; year++) {
            record(http, "Lone Lab", "FR", year);
            record(http, "Lab " + year, "DE", year);
        }

        int oneCompany = statementsFor(http, "/funding-events?country=FR&limit=10");
        int tenCompanies = statementsFor(http, "/funding-events?country=DE&limit=10");

        assertEquals(oneCompany, tenCompanies, "statements must not grow with the companies on a page");
        assertEquals(2, tenCompanies, "one for the rounds, one for their companies");
    }

    private static void record(Http http, String company, String country, int year) {
        HttpResponse<String> created = http.post("/funding-events", """
                {"company": {"name": "%s", "country": "%s", "layer": "MODEL"}, "round": "SERIES_A",
                 "amount": {"value": "1000000", "currency": "USD"}, "announcedOn": "%d-03-01"}"""
                .formatted(company, country, year));
        assertEquals(201, created.statusCode(), created.body());
    }

    private static int statementsFor(Http http, String path) {
        Logger queryLog = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
        List<String> statements = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String sql = event.getFormattedMessage().toLowerCase();
                if (sql.contains("funding_round") || sql.contains("company")) {
                    statements.add(sql);
                }
            }
        };
        Level before = queryLog.getLevel();
        counter.start();
        queryLog.addAppender(counter);
        queryLog.setLevel(Level.DEBUG);
        try {
            HttpResponse<String> page = http.get(path);
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(10, ((List<?>) http.map(page.body()).get("items")).size(), page.body());
        } finally {
            queryLog.setLevel(before);
            queryLog.detachAppender(counter);
        }
        return statements.size();
    }
}
