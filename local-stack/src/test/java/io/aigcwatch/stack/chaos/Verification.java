package io.aigcwatch.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigcwatch.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What the run left behind, read from the services' own APIs through the gateway and from Kafka, held against the
 * rounds the clients were told were recorded. Nothing reads a service's database.
 */
final class Verification {
    private static final int PAGE = 500;
    private static final int READERS = 8;

    private final GatewayApi api;
    private final String bootstrapServers;
    private final List<RoundClient.Posted> acknowledged;
    private final String run;
    private final long loadStarted;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Check> checks = new ArrayList<>();
    private List<JsonNode> valuationChanges = List.of();

    /** @param loadStarted {@link System#nanoTime()} when the load started, to tell when a missing round was answered */
    Verification(GatewayApi api, String bootstrapServers, List<RoundClient.Posted> acknowledged, String run,
                 long loadStarted) {
        this.api = api;
        this.bootstrapServers = bootstrapServers;
        this.acknowledged = List.copyOf(acknowledged);
        this.run = run;
        this.loadStarted = loadStarted;
    }

    List<Check> run(ChangeStreamClient stream, List<WebhookReceiver.Hook> hooks) {
        roundsStoredOnce();
        fundingEventsOnKafka();
        valuationPoints();
        valuationChangesOnKafka();
        marketContributions();
        changeStream(stream);
        hooks.forEach(this::webhook);
        return List.copyOf(checks);
    }

    /** Records parked on a dead-letter topic: a record no consumer could ever apply. */
    long deadLetters() {
        return TopicDump.read(bootstrapServers, Topics.dlt(Topics.FUNDING_EVENTS)).size()
                + TopicDump.read(bootstrapServers, Topics.dlt(Topics.VALUATION_CHANGES)).size();
    }

    private void roundsStoredOnce() {
        Map<String, List<String>> idsByCompany = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/funding-events?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .orElseThrow();
            for (JsonNode round : page.path("items")) {
                idsByCompany.computeIfAbsent(round.path("company").path("name").asText(), name -> new ArrayList<>())
                        .add(round.path("id").asText());
            }
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        Set<String> told = new HashSet<>();
        List<RoundClient.Posted> missing = new ArrayList<>();
        for (RoundClient.Posted posted : acknowledged) {
            told.add(posted.round().company());
            if (!idsByCompany.getOrDefault(posted.round().company(), List.of()).contains(posted.id().toString())) {
                missing.add(posted);
            }
        }
        long stored = acknowledged.size() - missing.size();
        long duplicated = idsByCompany.values().stream().filter(ids -> ids.size() > 1).count();
        long untold = idsByCompany.keySet().stream()
                .filter(name -> name.startsWith("Chaos " + run) && !told.contains(name)).count();
        checks.add(new Check("rounds stored (funding-service API)", acknowledged.size(), stored,
                acknowledged.size() - stored, duplicated, 0,
                untold + " stored round(s) whose client gave up before an acknowledgement" + examples(missing)));
    }

    private void fundingEventsOnKafka() {
        List<JsonNode> events = events(Topics.FUNDING_EVENTS);
        Map<String, Set<String>> recorded = new HashMap<>();
        for (JsonNode event : events) {
            if (event.path("type").asText().equals("funding.recorded")) {
                recorded.computeIfAbsent(event.path("data").path("roundId").asText(), id -> new HashSet<>())
                        .add(event.path("id").asText());
            }
        }
        perRound("funding.recorded on Kafka", posted -> recorded.getOrDefault(posted.id().toString(), Set.of()).size(),
                copies(events) + " record(s) published twice under one event id (consumers drop them by id)");
    }

    private void valuationPoints() {
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            Map<String, Long> points = new HashMap<>();
            List<CompletableFuture<Void>> reads = acknowledged.stream().map(posted -> CompletableFuture.runAsync(() -> {
                long count = api.get("/api/companies/" + posted.companyId() + "/valuations")
                        .map(history -> countMatching(history.path("points"), "causeId", posted.id().toString()))
                        .orElse(0L);
                synchronized (points) {
                    points.put(posted.id().toString(), count);
                }
            }, readers)).toList();
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
            perRound("valuation points (valuation-service API)", posted -> points.get(posted.id().toString()),
                    "each round's company's history, point caused by the round");
        } finally {
            readers.shutdownNow();
        }
    }

    private void valuationChangesOnKafka() {
        valuationChanges = events(Topics.VALUATION_CHANGES);
        Map<String, Set<String>> byCause = new HashMap<>();
        for (JsonNode change : valuationChanges) {
            byCause.computeIfAbsent(change.path("data").path("causeId").asText(), id -> new HashSet<>())
                    .add(change.path("id").asText());
        }
        perRound("valuation.changed on Kafka", posted -> byCause.getOrDefault(posted.id().toString(), Set.of()).size(),
                copies(valuationChanges) + " record(s) published twice under one event id");
    }

    private void marketContributions() {
        JsonNode shares = api.get("/api/market/shares?by=investor&metric=funding").orElseThrow();
        Map<String, JsonNode> buckets = new HashMap<>();
        shares.path("shares").forEach(share -> buckets.put(share.path("key").asText(), share));
        long wrongSums = acknowledged.stream().filter(posted -> {
            JsonNode bucket = buckets.get(posted.round().investor());
            return bucket != null && bucket.path("count").asLong() == 1
                    && bucket.path("usd").decimalValue().compareTo(BigDecimal.valueOf(posted.round().usd())) != 0;
        }).count();
        perRound("market contributions (market-service API)", posted -> {
            JsonNode bucket = buckets.get(posted.round().investor());
            return bucket == null ? 0 : bucket.path("count").asLong();
        }, "the round's own investor's bucket in the funding shares; " + wrongSums + " with a wrong USD sum",
                wrongSums);
    }

    /** Every record of the topic, copies included, exactly as often as Kafka holds it. */
    private void changeStream(ChangeStreamClient stream) {
        Map<String, Integer> inKafka = new HashMap<>();
        valuationChanges.forEach(change -> inKafka.merge(change.path("id").asText(), 1, Integer::sum));
        Map<String, Integer> received = stream.received();
        Set<String> ids = new HashSet<>(inKafka.keySet());
        ids.addAll(received.keySet());
        long lost = 0;
        long duplicated = 0;
        long found = 0;
        for (String id : ids) {
            int expected = inKafka.getOrDefault(id, 0);
            int got = received.getOrDefault(id, 0);
            lost += Math.max(0, expected - got);
            duplicated += Math.max(0, got - expected);
            found += Math.min(expected, got);
        }
        checks.add(new Check("change stream (SSE), every record once", valuationChanges.size(), found, lost, duplicated,
                stream.gaps().size(), stream.connections() + " connections, each after the first resumed with"
                + " Last-Event-ID; " + stream.gaps().size() + " gap event(s)"));
    }

    private void webhook(WebhookReceiver.Hook hook) {
        Set<String> matching = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (JsonNode change : valuationChanges) {
            all.add(change.path("id").asText());
            if (hook.matches(change)) {
                matching.add(change.path("id").asText());
            }
        }
        Map<String, Set<String>> delivered = hook.webhookIds();
        long found = matching.stream().filter(delivered::containsKey).count();
        long severalIds = delivered.values().stream().filter(ids -> ids.size() > 1).count();
        long unmatched = delivered.keySet().stream().filter(id -> !matching.contains(id)).count();
        long unknown = delivered.keySet().stream().filter(id -> !all.contains(id)).count();
        checks.add(new Check("webhook " + hook.name() + ", every matching change", matching.size(), found,
                matching.size() - found, severalIds, unmatched,
                hook.deliveries().get() + " deliveries; duplicated = a change under more than one webhook-id; wrong = "
                        + "a change its filters exclude (" + unknown + " not on Kafka at all)"));
    }

    private void perRound(String what, ToLongFunction<RoundClient.Posted> effects, String note) {
        perRound(what, effects, note, 0);
    }

    private void perRound(String what, ToLongFunction<RoundClient.Posted> effects, String note, long wrong) {
        List<RoundClient.Posted> lost = new ArrayList<>();
        List<RoundClient.Posted> duplicated = new ArrayList<>();
        for (RoundClient.Posted posted : acknowledged) {
            long count = effects.applyAsLong(posted);
            if (count == 0) {
                lost.add(posted);
            } else if (count > 1) {
                duplicated.add(posted);
            }
        }
        checks.add(new Check(what, acknowledged.size(), acknowledged.size() - lost.size() - duplicated.size(),
                lost.size(), duplicated.size(), wrong, note + examples(lost) + examples(duplicated)));
    }

    /** A few of the rounds a check missed, with when their clients were told they were recorded. */
    private String examples(List<RoundClient.Posted> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        return rounds.stream().limit(5).map(posted -> String.format(Locale.ROOT,
                        "%s (acknowledged %.1f s into the load)", posted.round().company(),
                        (posted.answeredAt() - loadStarted) / 1e9))
                .collect(Collectors.joining(", ", "; e.g. ", ""));
    }

    private List<JsonNode> events(String topic) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicDump.read(bootstrapServers, topic)) {
            try {
                events.add(json.readTree(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("a record on " + topic + " is not JSON: " + record.value(), e);
            }
        }
        return events;
    }

    private static long copies(List<JsonNode> events) {
        return events.size() - events.stream().map(event -> event.path("id").asText()).distinct().count();
    }

    static long countMatching(JsonNode array, String field, String value) {
        long count = 0;
        for (JsonNode item : array) {
            count += item.path(field).asText().equals(value) ? 1 : 0;
        }
        return count;
    }
}
