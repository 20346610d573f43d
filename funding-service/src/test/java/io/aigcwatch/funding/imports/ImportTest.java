package io.aigcwatch.funding.imports;

import io.aigcwatch.events.Topics;
import io.aigcwatch.funding.FundingApiTest;
import io.aigcwatch.funding.Http;
import io.aigcwatch.funding.Rounds;
import io.aigcwatch.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.aigcwatch.funding.imports.Imports.CSV_HEADER;
import static io.aigcwatch.funding.imports.Imports.importAndWait;
import static io.aigcwatch.funding.imports.Imports.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /imports} on the real servers: refused rows, re-import, NDJSON, an export imported back, the outbox. */
class ImportTest extends FundingApiTest {
    @Test
    void goodRowsAreImportedAndBadOnesReportedWithTheirLineAndReason() throws Exception {
        String file = CSV_HEADER
                + "Csv Alpha,,CN,MODEL,TEXT;VIDEO,SERIES_A,2023-03-15,CNY,EXACT,700000000,,,,,Lead Fund,Other Fund,"
                + "https://example.org/a,\n"
                + "Csv Beta,,US,APPLICATION,,SEED,2023-04-01,USD,APPROXIMATE,,1000000,3000000,,,,,,\n"
                + "Csv Gamma,,XX,MODEL,,SEED,2023-04-01,USD,EXACT,1000000,,,,,,,,\n"
                + "Csv Delta,,US,MODEL,,SEED,not-a-date,USD,EXACT,1000000,,,,,,,,\n"
                + "\"'=Csv Epsilon\",,US,MODEL,,SERIES_B,2023-05-05,USD,UNDISCLOSED,,,,,,,,,\n"
                + "Csv Zeta,,US,MODEL,,SEED,2023-04-01,XYZ,EXACT,1000000,,,,,,,,\n";
        long roundsBefore = stat("rounds");

        Map<String, Object> job = importAndWait(http, server.getURI(), "text/csv", file);

        assertEquals("csv", job.get("format"));
        assertEquals(6, number(job, "rowsTotal"));
        assertEquals(6, number(job, "rowsDone"));
        assertEquals(3, number(job, "rowsImported"));
        assertEquals(3, number(job, "rowsRefused"));
        assertEquals(0, number(job, "rowsAlreadyRecorded"));
        assertEquals(List.of("4 company.country", "5 announcedOn", "7 amount.currency"), refusedLines(job));
        assertTrue(reasons(job).get(0).contains("'XX' is not an ISO 3166-1 alpha-2 country code"), reasons(job).toString());
        assertEquals(roundsBefore + 3, stat("rounds"), "the kept totals count the imported rounds");
        Map<String, Object> alpha = http.map(http.get("/funding-events?company=Csv%20Alpha").body());
        assertTrue(new java.math.BigDecimal(Http.at(alpha, "items.0.amount.usd").toString())
                .compareTo(new java.math.BigDecimal("700000000")) < 0, "converted at the month's CNY rate");
        assertEquals(2, ((List<?>) Http.at(alpha, "items.0.investors")).size());
        Map<String, Object> epsilon = http.map(http.get("/funding-events?company=%3DCsv%20Epsilon").body());
        assertEquals(1, ((List<?>) epsilon.get("items")).size(), "the formula guard's apostrophe comes off");

        Map<String, Object> again = importAndWait(http, server.getURI(), "text/csv", file);
        assertEquals(0, number(again, "rowsImported"), "importing the same rows again adds nothing");
        assertEquals(3, number(again, "rowsAlreadyRecorded"));
        assertEquals(3, number(again, "rowsRefused"));
        assertEquals(roundsBefore + 3, stat("rounds"));
    }

    @Test
    void ndjsonLinesAreRoundsAsPostedAndTheThirtyDayRuleHolds() {
        String file = oneLine(Rounds.round("Json One", "SEED", "5000000", "USD", "2023-06-01")) + "\n\n"
                + oneLine(Rounds.round("Json One", "SEED", "6000000", "USD", "2023-06-20")) + "\n"
                + oneLine(Rounds.round("Json One", "SEED", "7000000", "USD", "2023-06-21")
                .replace("\"source\"", "\"distinctRound\": true, \"source\"")) + "\n"
                + "{\"company\": \n";

        Map<String, Object> job = importAndWait(http, server.getURI(), "application/x-ndjson", file);

        assertEquals("ndjson", job.get("format"));
        assertEquals(2, number(job, "rowsImported"));
        assertEquals(2, number(job, "rowsRefused"));
        assertEquals(List.of("3 round", "5 body"), refusedLines(job));
        assertTrue(reasons(job).get(0).contains("already has a SEED round announced on 2023-06-01"), reasons(job).toString());
        Map<String, Object> page = http.map(http.get("/imports/" + job.get("id") + "/refused?limit=1").body());
        assertEquals(1, ((List<?>) page.get("items")).size());
        Map<String, Object> rest = http.map(http.get("/imports/" + job.get("id") + "/refused?limit=1&cursor="
                + page.get("next")).body());
        assertEquals(5L, ((Number) Http.at(rest, "items.0.line")).longValue());
        assertEquals(422, http.get("/imports/" + job.get("id") + "/refused?limit=0").statusCode());
    }

    @Test
    void anExportImportsBackAsRowsAlreadyRecorded() {
        for (String company : List.of("Export One", "Export Two")) {
            HttpResponse<String> created = http.post("/funding-events", Rounds.round(company, "SERIES_C", "9000000",
                    "USD", "2022-01-10"));
            assertEquals(201, created.statusCode(), created.body());
        }
        String export = http.get("/funding-events?company=Export%20One", "Accept", "text/csv").body()
                + http.get("/funding-events?company=Export%20Two", "Accept", "text/csv").body().lines().skip(1)
                .map(line -> line + "\n").collect(Collectors.joining());

        Map<String, Object> job = importAndWait(http, server.getURI(), "text/csv", export);

        assertEquals(2, number(job, "rowsTotal"), export);
        assertEquals(2, number(job, "rowsAlreadyRecorded"), job.toString());
        assertEquals(0, number(job, "rowsRefused"), job.toString());
    }

    @Test
    void importedRoundsArePublishedThroughTheOutbox() {
        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            String file = CSV_HEADER + "Outbox One,,JP,MODEL,,SEED,2023-01-01,USD,EXACT,1000000,,,,,,,,\n"
                    + "Outbox Two,,JP,MODEL,,SEED,2023-01-01,JPY,EXACT,100000000,,,,,,,,\n";
            Map<String, Object> job = importAndWait(http, server.getURI(), "text/csv", file);
            assertEquals(2, number(job, "rowsImported"));

            List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20),
                    seen -> seen.stream().filter(r -> r.value().contains("Outbox T")).count() >= 1
                            && seen.stream().filter(r -> r.value().contains("Outbox O")).count() >= 1);
            ConsumerRecord<String, String> two = records.stream().filter(r -> r.value().contains("Outbox Two"))
                    .findFirst().orElseThrow();
            assertTrue(two.value().contains("\"type\":\"io.aigcwatch.funding.recorded\"")
                    || two.value().contains("funding.recorded"), two.value());
            assertTrue(two.value().contains("\"currency\":\"JPY\""), two.value());
            assertTrue(two.value().contains("\"subject\":\"" + two.key() + "\""), "keyed by the company id");
            for (String name : List.of("Outbox One", "Outbox Two")) {
                Map<String, Object> event = http.map(records.stream().filter(r -> r.value().contains(name))
                        .findFirst().orElseThrow().value());
                assertEquals("/aigcwatch/funding-service/imports/" + job.get("id"), event.get("source"),
                        "an imported round says which job loaded it, so alerts can tell it from news");
            }
        }
    }

    @Test
    void aJobIsDoneOnlyOnceThePlannerKnowsWhatItImported() throws Exception {
        String file = CSV_HEADER + "Analysed One,,JP,MODEL,,SEED,2023-06-01,USD,EXACT,1000000,,,,,,,,\n";
        Map<String, Object> job = importAndWait(http, server.getURI(), "text/csv", file);

        assertEquals(1, number(job, "rowsImported"));
        String done = (String) job.get("finishedAt");
        for (String table : List.of("funding_round", "company")) {
            assertEquals(1, infra.queryLong("select count(*) from pg_stat_user_tables where relname = '" + table
                    + "' and last_analyze <= '" + done + "'::timestamptz and last_analyze >= '"
                    + job.get("startedAt") + "'::timestamptz"), table + " analysed by the job, before DONE");
        }
    }

    private long stat(String field) {
        return ((Number) http.map(http.get("/funding-stats").body()).get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> refusedLines(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("refused")).stream()
                .map(r -> ((Number) r.get("line")).longValue() + " " + r.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("refused")).stream().map(r -> (String) r.get("reason")).toList();
    }

    private static String oneLine(String json) {
        return json.replace("\n", " ");
    }
}
