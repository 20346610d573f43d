package io.aigcwatch.notification.intake;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.bench.CatchUpBenchmark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * How fast notification-service's intake drains a backlog of valuation changes into deliveries: three active
 * webhooks, one wanting every change, one only unicorns and one only Japanese companies, so that most changes make
 * one or two deliveries. Delivering is not measured: the dispatcher is held back for the run. Run with
 * {@code mvn -B -q -Pcatchup-benchmark -pl notification-service -am verify -DskipTests [-Dbench.events=1000000]}.
 */
public final class NotificationCatchUp {
    private static final List<String> COUNTRIES = List.of("US", "CN", "JP", "GB");
    private static final String WEBHOOK = """
            insert into notification.webhook (id, owner_id, url, secret, description, filters, status, created_at)
            values (gen_random_uuid(), 'bench', 'https://receiver.example/hook', 'whsec_bench', '%s', '%s'::jsonb,
                'ACTIVE', now())""";

    private static String filters(String countries, boolean unicornOnly) {
        return "{\"companies\": [], \"countries\": " + countries + ", \"layers\": [], \"unicornOnly\": "
                + unicornOnly + ", \"minChangePct\": null}";
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        CatchUpBenchmark.run("notification-service", "notification", Topics.VALUATION_CHANGES, i -> {
            String previous = Long.toString(400_000_000L + (i % 40) * 50_000_000L);
            String current = Long.toString(400_000_000L + ((i + 7) % 40) * 50_000_000L);
            ValuationChanged change = ValuationChanges.change("Catch-up Co " + i, COUNTRIES.get(i % COUNTRIES.size()),
                    Layer.MODEL, previous, current);
            CloudEvent<ValuationChanged> event = CloudEvent.of(ValuationChanges.SOURCE, ValuationChanged.TYPE,
                    change.companyId().toString(), Instant.now(), change);
            try {
                return new CatchUpBenchmark.Event(change.companyId().toString(), json.writeValueAsString(event));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }, properties -> {
            HashMap<String, Object> benchmark = new HashMap<>(properties);
            benchmark.put(TestCredential.PROPERTY, TestCredential.VALUE);
            // the intake is measured, not the sending: no attempt is due while the backlog drains
            benchmark.put("aigcwatch.notification.webhooks.dispatch-interval", "1h");
            return ApplicationContext.run(EmbeddedServer.class, benchmark);
        }, db -> {
            try (Statement statement = db.createStatement()) {
                statement.execute(WEBHOOK.formatted("every change", filters("[]", false)));
                statement.execute(WEBHOOK.formatted("unicorns", filters("[]", true)));
                statement.execute(WEBHOOK.formatted("Japan", filters("[\"JP\"]", false)));
            }
        });
    }
}
