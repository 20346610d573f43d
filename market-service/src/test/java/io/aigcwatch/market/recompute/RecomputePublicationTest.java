package io.aigcwatch.market.recompute;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A move of an output is published exactly once: a recompute whose transaction fails publishes nothing and leaves
 * the move to the next one, and two recomputes of one scope at the same time publish it once between them.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecomputePublicationTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(RecomputePublicationTest.class);

    @Inject
    JsonMapper json;
    @Inject
    ScopePublisher publisher;
    @Inject
    List<OutputScope> scopes;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aMoveWhosePublicationFailedIsPublishedByTheNextRecompute() throws Exception {
        String name = "Refused Once " + UUID.randomUUID();
        refuseTheFirstEventNaming(name);
        try (TopicReader recomputed = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS))) {
            UnicornInput.send(infra, json, name);
            recomputed.awaitRecords(Duration.ofSeconds(20), records -> records.stream()
                    .anyMatch(record -> record.value().contains(UnicornInput.key(name))));
        }
        assertEquals(2, infra.queryLong("select last_value from market.refused_events"),
                "two recomputes wrote the move's event: the first one failed to commit, the next one did");
        assertEquals(1, UnicornInput.eventsNaming(infra, name), "the next one published it, once");
        assertEquals(1, infra.queryLong("select count(*) from market.output_baseline where scope = 'shares' "
                + "and published ? '" + UnicornInput.key(name) + "'"), "and stored it as published");
    }

    /**
     * The test holds the baseline row's lock while two recomputes of the shares start, so both have read nothing
     * yet when it lets them go; the first publishes the move, and the second measures against what it published.
     */
    @Test
    void twoRecomputesOfOneScopeAtOnceDoNotBothPublishAMove() throws Exception {
        OutputScope shares = scopes.stream().filter(scope -> scope.name().equals("shares")).findFirst().orElseThrow();
        String bucket = "CONCURRENT_" + UUID.randomUUID().toString().replace("-", "");
        CompletableFuture<Boolean> first;
        CompletableFuture<Boolean> second;
        try (Connection holder = infra.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("select 1 from market.output_baseline where scope = 'shares' for update");
            // an input the service has not seen: both recomputes read it once the lock is released
            statement.execute("insert into market.funding_aggregate (dimension, bucket, rounds, usd) "
                    + "values ('LAYER', '" + bucket + "', 1, 1000)");
            first = CompletableFuture.supplyAsync(() -> publisher.publish(shares, 1));
            second = CompletableFuture.supplyAsync(() -> publisher.publish(shares, 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> infra.queryLong("select count(*) from pg_stat_activity "
                    + "where datname = current_database() and wait_event_type = 'Lock'") >= 2);
            holder.commit();
        }
        int published = (first.get(20, TimeUnit.SECONDS) ? 1 : 0) + (second.get(20, TimeUnit.SECONDS) ? 1 : 0);
        assertEquals(1, published, "one of the two published the move");
        assertEquals(1, infra.queryLong("select count(*) from market.outbox where event_type = 'market.recomputed' "
                + "and payload like '%\"key\":\"funding.layer." + bucket + "\"%'"), "once");
    }

    /**
     * A real refusal by PostgreSQL of the first outbox row that names the key; later rows go in. The sequence counts
     * every attempt, and no rollback undoes it.
     */
    private void refuseTheFirstEventNaming(String name) throws Exception {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create sequence market.refused_events");
            statement.execute("""
                    create function market.refuse_once() returns trigger language plpgsql as $$
                    begin
                        if new.event_type = 'market.recomputed' and position('%s' in new.payload) > 0 then
                            if nextval('market.refused_events') = 1 then
                                raise exception 'the test refuses this event once';
                            end if;
                        end if;
                        return new;
                    end $$""".formatted(UnicornInput.key(name)));
            statement.execute("create trigger refuse_once before insert on market.outbox "
                    + "for each row execute function market.refuse_once()");
        }
    }
}
