package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.TestCredential;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A company's edit to another layer, country and segments moves the rounds its {@code company.updated} lists: the
 * shares by those dimensions and the quarterly series' cells follow, once, and the rounds' later versions still
 * win. Each test has quarters of its own, and compares the shares with what they were just before, so the two tests
 * of the class do not see each other's rounds.
 */
class CompanyMoveRebucketTest extends MarketIntakeTest {
    private static final List<String> DIMENSIONS = List.of("layer", "country", "segment");

    @Inject
    EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEditMovesTheListedRoundsSharesAndSeriesCellsOnceAndALaterCorrectionKeepsThem() throws Exception {
        CompanyData before = company("Moving AI", "US", Layer.MODEL, "TEXT");
        CompanyData after = company("Moving AI", "CN", Layer.APPLICATION, "IMAGE");
        CompanyData neighbour = company("Staying AI", "US", Layer.MODEL, "TEXT");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID retracted = UUID.randomUUID();
        Map<String, Tally> start = allShares();
        LocalDate inQ1 = LocalDate.of(2019, 2, 10);
        LocalDate inQ3 = LocalDate.of(2019, 8, 10);
        FundingRoundData firstRecorded = round(first, 1, before, "100000000", inQ1);
        funding(FundingEventTypes.RECORDED, before.id(), firstRecorded);
        funding(FundingEventTypes.RECORDED, before.id(), round(second, 1, before, "50000000", inQ3));
        funding(FundingEventTypes.RECORDED, before.id(), round(retracted, 1, before, "9000000", inQ1.plusDays(1)));
        // the company's and its neighbour's events may be on two partitions: the last of each is awaited
        awaitProcessed(funding(FundingEventTypes.RETRACTED, before.id(),
                new FundingRetracted(retracted, before.id(), 2, "test")));
        awaitProcessed(funding(FundingEventTypes.RECORDED, neighbour.id(),
                round(UUID.randomUUID(), 1, neighbour, "7000000", inQ1.plusDays(2))));
        Map<String, Tally> recorded = allShares();
        assertEquals(start.get("layer|MODEL").plus(3, "157000000"), recorded.get("layer|MODEL"));
        assertEquals(List.of("2 107000000", "none"), cell("QUARTER_LAYER", "2019-Q1|MODEL", "2019-Q1|APPLICATION"),
                "Moving AI's first round and its neighbour's; not the retracted one");
        Map<String, Long> revisions = revisions();

        // the retracted round and one market never saw are listed, as a producer's list may be, and skipped
        CompanyUpdated edit = edit(after, List.of(first, second, retracted, UUID.randomUUID()),
                List.of(1L, 1L, 2L, 1L));
        awaitProcessed(funding(FundingEventTypes.COMPANY_UPDATED, before.id(), edit));
        Map<String, Tally> moved = allShares();
        Tally both = new Tally(2, new BigDecimal("150000000"));
        assertEquals(recorded.get("layer|MODEL").minus(both), moved.get("layer|MODEL"));
        assertEquals(recorded.get("layer|APPLICATION").plus(both), moved.get("layer|APPLICATION"));
        assertEquals(recorded.get("country|US").minus(both), moved.get("country|US"));
        assertEquals(recorded.get("country|CN").plus(both), moved.get("country|CN"));
        assertEquals(recorded.get("segment|TEXT").minus(both), moved.get("segment|TEXT"));
        assertEquals(recorded.get("segment|IMAGE").plus(both), moved.get("segment|IMAGE"));
        assertEquals(List.of("1 7000000", "1 100000000", "none", "1 50000000"), cell("QUARTER_LAYER",
                "2019-Q1|MODEL", "2019-Q1|APPLICATION", "2019-Q3|MODEL", "2019-Q3|APPLICATION"));
        assertEquals(List.of("1 7000000", "1 100000000", "1 50000000"), cell("QUARTER_COUNTRY",
                "2019-Q1|US", "2019-Q1|CN", "2019-Q3|CN"));
        assertEquals(List.of("1 7000000", "1 100000000", "none", "1 50000000"), cell("QUARTER_SEGMENT",
                "2019-Q1|TEXT", "2019-Q1|IMAGE", "2019-Q3|TEXT", "2019-Q3|IMAGE"));
        Map<String, Long> movedRevisions = revisions();
        revisions.forEach((series, revision) -> assertEquals(revision + 1, movedRevisions.get(series), series));

        // the same edit again, as a new event (a producer retrying), moves nothing and refits no series
        awaitProcessed(funding(FundingEventTypes.COMPANY_UPDATED, before.id(), edit));
        // and the rounds' own first versions, replayed, are older than what they count at now
        awaitProcessed(funding(FundingEventTypes.RECORDED, before.id(), firstRecorded));
        assertEquals(moved, allShares());
        assertEquals(movedRevisions, revisions());

        // a correction after the move carries the new profile, and replaces the moved contribution
        awaitProcessed(funding(FundingEventTypes.CORRECTED, after.id(),
                round(first, 2, after, "120000000", inQ1)));
        assertEquals(moved.get("layer|APPLICATION").plus(0, "20000000"), allShares().get("layer|APPLICATION"));
        assertEquals(moved.get("layer|MODEL"), allShares().get("layer|MODEL"));
        assertEquals(List.of("1 7000000", "1 120000000"),
                cell("QUARTER_LAYER", "2019-Q1|MODEL", "2019-Q1|APPLICATION"));
    }

    /**
     * One poll holds a round's recording and its company's edit after it: the edit moves the round recorded just
     * before it in the same transaction. An edit listing a round at an older version than market holds leaves it:
     * here the round moved to another company after the edit listed it, and that version was applied first (all on
     * one partition, so that order is certain).
     */
    @Test
    void anEditInTheSameBatchAsTheRoundMovesItAndAStaleListingDoesNot() throws Exception {
        CompanyData before = company("Batched Mover AI", "US", Layer.MODEL, "TEXT");
        CompanyData after = company("Batched Mover AI", "CN", Layer.APPLICATION, "IMAGE");
        CompanyData elsewhere = company("Round Taker AI", "SG", Layer.INFRASTRUCTURE, "CODE");
        UUID round = UUID.randomUUID();
        UUID movedAway = UUID.randomUUID();
        CloudEvent<CompanyUpdated> edited;
        pauseAll();
        try {
            funding(0, FundingEventTypes.RECORDED, before.id(),
                    round(round, 1, before, "30000000", LocalDate.of(2018, 5, 5)));
            funding(0, FundingEventTypes.RECORDED, before.id(),
                    round(movedAway, 1, before, "4000000", LocalDate.of(2018, 5, 6)));
            funding(0, FundingEventTypes.CORRECTED, elsewhere.id(),
                    round(movedAway, 2, elsewhere, "4000000", LocalDate.of(2018, 5, 6)));
            edited = funding(0, FundingEventTypes.COMPANY_UPDATED, before.id(),
                    edit(after, List.of(round, movedAway), List.of(1L, 1L)));
        } finally {
            resumeAll();
        }
        awaitProcessed(edited);
        assertEquals(List.of("none", "1 30000000", "1 4000000"), cell("QUARTER_LAYER",
                "2018-Q2|MODEL", "2018-Q2|APPLICATION", "2018-Q2|INFRASTRUCTURE"));
        assertEquals(List.of("none", "1 30000000", "1 4000000"), cell("QUARTER_COUNTRY",
                "2018-Q2|US", "2018-Q2|CN", "2018-Q2|SG"));
        assertEquals(List.of("none", "1 30000000", "1 4000000"), cell("QUARTER_SEGMENT",
                "2018-Q2|TEXT", "2018-Q2|IMAGE", "2018-Q2|CODE"));
    }

    private static CompanyData company(String name, String country, Layer layer, String segment) {
        return new CompanyData(UUID.nameUUIDFromBytes(name.getBytes()), name, null, country, layer, List.of(segment));
    }

    private static CompanyUpdated edit(CompanyData company, List<UUID> rounds, List<Long> versions) {
        CompanyProfileData profile = new CompanyProfileData(company.id(), company.name(), null, List.of(),
                company.country(), company.layer(), company.segments(), null, null, null, CompanyStatus.ACTIVE, null,
                2);
        return new CompanyUpdated(profile, List.of("country", "layer", "segments"), "key-test", Instant.now(), rounds,
                versions);
    }

    private static FundingRoundData round(UUID roundId, long version, CompanyData company, String usd, LocalDate on) {
        BigDecimal amount = new BigDecimal(usd);
        return new FundingRoundData(roundId, version, company, RoundType.SERIES_A,
                new MoneyData(amount, null, null, "USD", AmountPrecision.EXACT, amount, null, null, BigDecimal.ONE,
                        on.withDayOfMonth(1)),
                null, on, List.of(new InvestorData("Mover Capital", true)), "test", DatePrecision.DAY);
    }

    /** Published as funding-service does, keyed by the company. */
    private <T> CloudEvent<T> funding(String type, UUID companyId, T data) throws Exception {
        return funding(null, type, companyId, data);
    }

    /** @param partition null to let the key choose it */
    private <T> CloudEvent<T> funding(Integer partition, String type, UUID companyId, T data) throws Exception {
        CloudEvent<T> event = CloudEvent.of("/test", type, companyId.toString(), Instant.now(), data);
        send(Topics.FUNDING_EVENTS, partition, companyId.toString(), json.writeValueAsString(event));
        return event;
    }

    private void awaitProcessed(CloudEvent<?> event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.queryLong(
                "select count(*) from market.processed_event where event_id = '" + event.id() + "'") == 1);
    }

    /** Rounds and USD of a share bucket, as {@code /market/shares} lists it. */
    record Tally(long count, BigDecimal usd) {
        static final Tally NONE = new Tally(0, BigDecimal.ZERO);

        Tally plus(long rounds, String dollars) {
            return plus(new Tally(rounds, new BigDecimal(dollars)));
        }

        Tally plus(Tally other) {
            return new Tally(count + other.count, usd.add(other.usd).stripTrailingZeros());
        }

        Tally minus(Tally other) {
            return new Tally(count - other.count, usd.subtract(other.usd).stripTrailingZeros());
        }
    }

    /** Every bucket of the funding shares by layer, country and segment, keyed {@code <by>|<bucket>}. */
    @SuppressWarnings("unchecked")
    private Map<String, Tally> allShares() throws Exception {
        Map<String, Tally> all = new HashMap<>() {
            @Override
            public Tally get(Object key) {
                return getOrDefault(key, Tally.NONE);
            }
        };
        for (String by : DIMENSIONS) {
            HttpResponse<String> response = http.send(TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(
                    "/market/shares?by=" + by + "&metric=funding"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            for (Map<String, Object> share : (List<Map<String, Object>>) json.readValue(response.body(), Map.class)
                    .get("shares")) {
                all.put(by + "|" + share.get("key"), new Tally(((Number) share.get("count")).longValue(),
                        new BigDecimal(share.get("usd").toString()).stripTrailingZeros()));
            }
        }
        return all;
    }

    /** Cells of a quarterly series as stored: {@code "<rounds> <usd>"}, or {@code "none"} for no round. */
    private List<String> cell(String dimension, String... buckets) throws Exception {
        try (Connection connection = infra.connect(); PreparedStatement query = connection.prepareStatement(
                "select rounds, usd from market.funding_aggregate where dimension = ? and bucket = ?")) {
            List<String> cells = new java.util.ArrayList<>();
            for (String bucket : buckets) {
                query.setString(1, dimension);
                query.setString(2, bucket);
                try (ResultSet row = query.executeQuery()) {
                    cells.add(row.next() && row.getLong(1) != 0
                            ? row.getLong(1) + " " + row.getBigDecimal(2).stripTrailingZeros().toPlainString()
                            : "none");
                }
            }
            return cells;
        }
    }

    private Map<String, Long> revisions() throws Exception {
        Map<String, Long> revisions = new HashMap<>();
        for (FundingSeries series : FundingSeries.values()) {
            revisions.put(series.aggregate(), infra.queryLong("select revision from market.series_revision where "
                    + "dimension = '" + series.aggregate() + "'"));
        }
        return revisions;
    }
}
