package io.aigcwatch.funding.investor;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.funding.FundingApiTest;
import io.aigcwatch.funding.Http;
import io.aigcwatch.funding.imports.Imports;
import io.aigcwatch.testkit.TopicReader;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.core.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.aigcwatch.funding.imports.Imports.CSV_HEADER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unicorns held on the real servers: valuation-change CloudEvents published to the topic as valuation-service
 * publishes them, and rounds recorded, corrected, retracted and imported through the API, in an order that makes
 * every path move the kept counter; after each step it must equal a full recount from the links, the rounds and
 * the valuations, and the values the story implies.
 */
class UnicornsHeldTest extends FundingApiTest {
    private static final String SOURCE = "/aigcwatch/valuation-service";
    /** Every investor's kept counter beside what a scan of its active rounds' companies says. */
    private static final String RECOUNT = """
            select i.name, i.unicorns_held,
                   (select count(distinct r.company_id)
                    from funding.round_investor ri join funding.funding_round r on r.id = ri.round_id
                    join funding.company_valuation v on v.company_id = r.company_id
                    where ri.investor_id = i.id and r.status = 'ACTIVE' and v.unicorn_status <> 'NONE') as recounted
            from funding.investor i""";

    private TopicWriter valuationChanges;

    /** The topic exists before the service subscribes, as it would once valuation-service has started. */
    @Override
    public Map<String, String> getProperties() {
        if (valuationChanges == null) {
            valuationChanges = new TopicWriter(infra.bootstrapServers(), infra.topic(Topics.VALUATION_CHANGES), 3);
        }
        return super.getProperties();
    }

    @AfterAll
    void closeProducer() {
        if (valuationChanges != null) {
            valuationChanges.close();
        }
    }

    private static String round(String company, String type, String announcedOn, String valuation, String investors) {
        return """
                {"company": {"name": "%s", "country": "CN", "layer": "MODEL", "segments": ["TEXT"]},
                 "round": "%s",
                 "amount": {"value": "100000000", "currency": "USD", "precision": "EXACT"},
                 "postMoneyValuation": {"value": "%s", "currency": "USD"},
                 "announcedOn": "%s",
                 "investors": %s}
                """.formatted(company, type, valuation, announcedOn, investors);
    }

    private Map<String, Object> created(String body) {
        HttpResponse<String> response = http.post("/funding-events", body);
        assertEquals(201, response.statusCode(), response.body());
        Map<String, Object> view = http.map(response.body());
        view.put("location", response.headers().firstValue("Location").orElseThrow());
        return view;
    }

    private static UUID companyOf(Map<String, Object> round) {
        return UUID.fromString(Http.at(round, "company.id").toString());
    }

    /** A change as valuation-service announces it: structured-mode CloudEvent keyed by company id. */
    private static CloudEvent<ValuationChanged> change(UUID company, String name, @Nullable String previousUsd,
                                                       @Nullable String currentUsd, UnicornStatus before,
                                                       UnicornStatus after, String causeType,
                                                       @Nullable String leftReason) {
        StatusTransition transition = StatusTransition.between(before, after);
        ValuationChanged data = new ValuationChanged(company, name, "CN", null,
                previousUsd == null ? null : new BigDecimal(previousUsd),
                currentUsd == null ? null : new BigDecimal(currentUsd), null, before, after, transition,
                LocalDate.of(2024, 12, 1), "REPORTED", causeType, UUID.randomUUID(), UUID.randomUUID(),
                transition == StatusTransition.LEFT ? leftReason : null);
        return CloudEvent.of(SOURCE, ValuationChanged.TYPE, company.toString(), Instant.now(), data);
    }

    private void send(CloudEvent<ValuationChanged> event) {
        sendRaw(event.data().companyId().toString(), json(event));
    }

    private void sendRaw(String key, String value) {
        valuationChanges.send(key, value);
    }

    /** Sends the change and waits until funding-service holds it: the counters moved in the same transaction. */
    private void applied(CloudEvent<ValuationChanged> event) {
        send(event);
        awaitValuation(event.data().companyId(), event.data().statusAfter(), event.data().currentUsd());
    }

    private void awaitValuation(UUID company, UnicornStatus status, @Nullable BigDecimal usd) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = infra.connect(); PreparedStatement read = connection.prepareStatement(
                    "select unicorn_status, valuation_usd from funding.company_valuation where company_id = ?")) {
                read.setObject(1, company);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() && status.name().equals(row.getString(1))
                            && (usd == null ? row.getBigDecimal(2) == null
                            : row.getBigDecimal(2) != null && usd.compareTo(row.getBigDecimal(2)) == 0);
                }
            }
        });
    }

    /** Each investor's kept counter, after checking that every one equals the recount. */
    private Map<String, Long> counters() throws SQLException {
        Map<String, Long> kept = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        try (Connection connection = infra.connect(); PreparedStatement scan = connection.prepareStatement(RECOUNT);
             ResultSet rows = scan.executeQuery()) {
            while (rows.next()) {
                kept.put(rows.getString(1), rows.getLong(2));
                if (rows.getLong(2) != rows.getLong(3)) {
                    wrong.add(rows.getString(1) + ": kept " + rows.getLong(2) + ", recounted " + rows.getLong(3));
                }
            }
        }
        assertTrue(wrong.isEmpty(), "counters that differ from a recount: " + wrong);
        return kept;
    }

    private void expect(String step, Map<String, Long> expected) throws SQLException {
        Map<String, Long> kept = counters();
        expected.forEach((name, count) -> assertEquals(count, kept.get(name), step + ": " + name + " in " + kept));
    }

    private Map<String, Object> investor(String name) {
        HttpResponse<String> found = http.get("/investors?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertEquals(200, found.statusCode(), found.body());
        return (Map<String, Object>) Http.at(http.map(found.body()), "items.0.investor");
    }

    private static Map<?, ?> holding(Map<String, Object> profile, String company) {
        return ((List<?>) profile.get("portfolio")).stream().map(Map.class::cast)
                .filter(h -> company.equals(((Map<?, ?>) h.get("company")).get("name"))).findFirst().orElseThrow();
    }

    @Test
    void theCounterFollowsRoundsAndValuationChangesAndEqualsARecountAtEveryStep() throws SQLException {
        String x = "Xeno Capital";
        String y = "Yarrow Partners";
        String z = "Zenith Angels";
        String w = "Wharf Ventures";
        String v = "Vale Fund";
        Map<String, Object> r1 = created(round("Uh Alpha", "SERIES_A", "2024-01-10", "900000000",
                "[{\"name\": \"" + x + "\", \"lead\": true}, {\"name\": \"" + y + "\", \"lead\": false}]"));
        Map<String, Object> r2 = created(round("Uh Alpha", "SERIES_B", "2024-06-10", "950000000",
                "[{\"name\": \"" + x + "\", \"lead\": true}]"));
        Map<String, Object> r3 = created(round("Uh Beta", "SERIES_A", "2024-02-10", "500000000",
                "[{\"name\": \"" + y + "\", \"lead\": true}, {\"name\": \"" + z + "\", \"lead\": false}]"));
        Map<String, Object> r4 = created(round("Uh Gamma", "SEED", "2024-03-10", "100000000",
                "[{\"name\": \"" + z + "\", \"lead\": true}]"));
        created(round("Uh Delta", "SERIES_A", "2024-04-10", "1200000000", "[{\"name\": \"" + x + "\", \"lead\": true}]"));
        UUID alpha = companyOf(r1);
        UUID beta = companyOf(r3);
        UUID gamma = companyOf(r4);
        expect("before valuation-service spoke", Map.of(x, 0L, y, 0L, z, 0L));

        CloudEvent<ValuationChanged> alphaEntered = change(alpha, "Uh Alpha", null, "2000000000",
                UnicornStatus.NONE, UnicornStatus.UNICORN, "MARK", null);
        applied(alphaEntered);
        expect("Alpha marked a unicorn, not by a round", Map.of(x, 1L, y, 1L, z, 0L));
        applied(change(beta, "Uh Beta", null, "12000000000", UnicornStatus.NONE, UnicornStatus.DECACORN, "ROUND",
                null));
        expect("Beta a decacorn", Map.of(x, 1L, y, 2L, z, 1L));

        created(round("Uh Alpha", "SERIES_C", "2024-09-01", "2000000000", "[{\"name\": \"" + w + "\", \"lead\": true}]"));
        created(round("Uh Beta", "SERIES_B", "2024-08-01", "12000000000", "[{\"name\": \"" + x + "\", \"lead\": true}]"));
        expect("rounds recorded in unicorns: their new holders gain", Map.of(x, 2L, y, 2L, w, 1L));

        HttpResponse<String> corrected = http.send("PUT", r1.get("location").toString(), round("Uh Gamma",
                "SERIES_A", "2024-01-10", "900000000", "[{\"name\": \"" + y + "\", \"lead\": true}]"),
                "If-Match", "\"1\"");
        assertEquals(200, corrected.statusCode(), corrected.body());
        expect("r1 moved to Gamma without Xeno: Xeno keeps Alpha by r2, Yarrow loses it", Map.of(x, 2L, y, 1L));

        assertEquals(200, http.send("DELETE", r2.get("location").toString(), "", "If-Match", "\"1\"").statusCode());
        expect("Xeno's last round in Alpha retracted", Map.of(x, 1L, y, 1L));

        String file = CSV_HEADER
                + "Uh Alpha,,CN,MODEL,,SERIES_D,2024-10-01,USD,EXACT,3000000,,,,," + v + "," + x + ",,\n"
                + "Uh Alpha,,CN,MODEL,,SERIES_E,2024-11-01,USD,EXACT,3000000,,,,," + v + ",,,\n"
                + "Uh Gamma,,CN,MODEL,,SERIES_B,2024-10-05,USD,EXACT,3000000,,,,," + z + ",,,\n";
        Map<String, Object> job = Imports.importAndWait(http, server.getURI(), "text/csv", file);
        assertEquals(3, Imports.number(job, "rowsImported"), job.toString());
        expect("imported: Vale gains Alpha once for two rounds, Xeno gains it back", Map.of(v, 1L, x, 2L, z, 1L));

        applied(change(gamma, "Uh Gamma", "100000000", "1500000000", UnicornStatus.NONE, UnicornStatus.UNICORN,
                "ROUND", null));
        expect("Gamma entered: its holders by r1 corrected, r4 and the import", Map.of(x, 2L, y, 2L, z, 2L, v, 1L));

        List<Long> ranked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> page = http.get("/investors?sort=unicorns&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.statusCode(), page.body());
            Map<String, Object> body = http.map(page.body());
            for (Object item : (List<?>) body.get("items")) {
                Map<?, ?> one = (Map<?, ?>) item;
                ranked.add(((Number) one.get("unicornsHeld")).longValue());
                assertTrue(seen.add(one.get("name").toString()), "once each: " + one);
            }
            cursor = (String) body.get("next");
        } while (cursor != null);
        assertEquals(Set.of(x, y, z, w, v), seen);
        assertEquals(List.of(2L, 2L, 2L, 1L, 1L), ranked, "most unicorns held first, page after page");

        Map<String, Object> stats = http.map(http.get("/funding-stats").body());
        Map<?, ?> topXeno = ((List<?>) stats.get("topInvestors")).stream().map(Map.class::cast)
                .filter(one -> x.equals(one.get("name"))).findFirst().orElseThrow();
        assertEquals(2L, ((Number) topXeno.get("unicornsHeld")).longValue(), stats.toString());

        applied(change(alpha, "Uh Alpha", "2000000000", "2000000000", UnicornStatus.UNICORN, UnicornStatus.NONE,
                "STATUS", "EXIT"));
        expect("Alpha exited: off the unicorns with its valuation standing", Map.of(x, 1L, w, 0L, v, 0L, y, 2L));

        Map<String, Object> profile = http.map(http.get("/investors/" + investor(x).get("id")).body());
        assertEquals(1L, ((Number) profile.get("unicornsHeld")).longValue(), profile.toString());
        Map<?, ?> exited = holding(profile, "Uh Alpha");
        assertEquals("VALUATION_SERVICE", exited.get("valuationSource"));
        assertEquals(0, new BigDecimal("2000000000").compareTo(new BigDecimal(exited.get("valuationUsd").toString())));
        assertEquals("NONE", exited.get("unicornStatus"));
        assertEquals(false, exited.get("unicorn"));
        assertEquals("EXIT", exited.get("leftReason"));
        assertEquals("2024-12-01", exited.get("valuedOn"));
        Map<?, ?> decacorn = holding(profile, "Uh Beta");
        assertEquals("DECACORN", decacorn.get("unicornStatus"));
        assertEquals(true, decacorn.get("unicorn"));
        assertNull(decacorn.get("leftReason"));
        Map<?, ?> unspoken = holding(profile, "Uh Delta");
        assertEquals("ROUNDS", unspoken.get("valuationSource"), "valuation-service never spoke of Delta");
        assertEquals("UNICORN", unspoken.get("unicornStatus"), "its round's post-money is USD 1.2B");
        assertEquals("2024-04-10", unspoken.get("valuedOn"));

        // a redelivered event changes nothing; each redelivery is followed by a change of the same company, so on
        // its partition, and waiting for that one means the redelivery was taken (or dropped) before it
        applied(change(beta, "Uh Beta", "12000000000", "800000000", UnicornStatus.DECACORN, UnicornStatus.NONE, "MARK",
                "DOWN_MARK"));
        expect("Beta marked down", Map.of(x, 0L, y, 1L, z, 1L));
        CloudEvent<ValuationChanged> betaEntered = change(beta, "Uh Beta", "800000000", "12000000000",
                UnicornStatus.NONE, UnicornStatus.DECACORN, "ROUND", null);
        send(betaEntered);
        send(betaEntered);
        applied(change(beta, "Uh Beta", "12000000000", "13000000000", UnicornStatus.DECACORN, UnicornStatus.DECACORN,
                "ROUND", null));
        expect("Beta back once, however often its event came", Map.of(x, 1L, y, 2L, z, 2L));
        send(alphaEntered);
        applied(change(alpha, "Uh Alpha", "2000000000", "2100000000", UnicornStatus.NONE, UnicornStatus.NONE,
                "MARK", null));
        expect("Alpha's first event, redelivered after its exit, is not applied again",
                Map.of(x, 1L, y, 2L, z, 2L, w, 0L, v, 0L));
        Map<?, ?> stillExited = holding(http.map(http.get("/investors/" + investor(w).get("id")).body()), "Uh Alpha");
        assertEquals("NONE", stillExited.get("unicornStatus"));
        assertEquals("EXIT", stillExited.get("leftReason"), "why it left stays while it is off the list");
    }

    @Test
    void whatCanNeverApplyIsParkedAndTheChangesAfterItApply() {
        UUID company = UUID.randomUUID();
        CloudEvent<ValuationChanged> valid = change(company, "Uh Unknown", null, "3000000000", UnicornStatus.NONE,
                UnicornStatus.UNICORN, "ROUND", null);
        sendRaw(company.toString(), "not a CloudEvent");
        sendRaw(company.toString(), json(new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                SOURCE, "valuation.reshuffled", Instant.now(), company.toString(), CloudEvent.JSON, valid.data())));
        applied(valid);
        try (TopicReader parked = new TopicReader(infra.bootstrapServers(),
                infra.topic(Topics.dlt(Topics.VALUATION_CHANGES)))) {
            List<ConsumerRecord<String, String>> records = parked.awaitRecords(Duration.ofSeconds(60),
                    seen -> seen.size() >= 2);
            assertEquals(2, records.size(), records.toString());
            assertEquals("not a CloudEvent", records.get(0).value());
            assertTrue(new String(records.get(1).headers().lastHeader(Topics.DLT_REASON).value(),
                    StandardCharsets.UTF_8).contains("valuation.reshuffled"), records.get(1).toString());
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
