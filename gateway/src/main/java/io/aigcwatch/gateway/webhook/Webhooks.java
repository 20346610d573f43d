package io.aigcwatch.gateway.webhook;

import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.Scope;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering, reading and removing webhooks, each on behalf of a caller. A webhook belongs to the API key that
 * registered it; to every other key except an admin's it does not exist (404, so that ids cannot be probed).
 */
@Singleton
class Webhooks {
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookRequestValidator validator;
    private final WebhookConfig config;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookRequestValidator validator,
             WebhookConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    /** The new webhook, with its secret when it was generated here. */
    WebhookView register(Caller caller, WebhookRequest request) {
        // outside the transaction: the URL check resolves a host name, which may take a while
        WebhookRequestValidator.Valid valid = validator.validate(request);
        String secret = valid.secret() == null ? WebhookSecret.generate() : valid.secret();
        Webhook saved = save(caller, valid, secret);
        WebhookView view = WebhookView.of(saved);
        return valid.secret() == null ? view.withSecret(secret) : view;
    }

    @Transactional
    Webhook save(Caller caller, WebhookRequestValidator.Valid valid, String secret) {
        if (webhooks.countByOwnerId(caller.id()) >= config.maxPerCaller()) {
            throw new ProblemException(HttpStatus.CONFLICT, "too-many-webhooks",
                    "this API key has " + config.maxPerCaller() + " webhooks already; delete one first");
        }
        return webhooks.save(new Webhook(UUID.randomUUID(), caller.id(), valid.url(), secret, valid.description(),
                valid.filters(), WebhookStatus.ACTIVE, clock.instant().truncatedTo(ChronoUnit.MICROS), null));
    }

    /** The caller's own webhooks, oldest first; an admin's list holds every key's. */
    List<WebhookView> list(Caller caller) {
        List<Webhook> found = caller.has(Scope.ADMIN) ? webhooks.listOrderByCreatedAt()
                : webhooks.findByOwnerIdOrderByCreatedAt(caller.id());
        return found.stream().map(WebhookView::of).toList();
    }

    WebhookView get(Caller caller, String id) {
        return WebhookView.of(require(caller, id));
    }

    @Transactional
    void delete(Caller caller, String id) {
        webhooks.deleteById(require(caller, id).id());
    }

    /** ACTIVE again; the deliveries held while it was failing are due at once. */
    @Transactional
    WebhookView reactivate(Caller caller, String id) {
        Webhook webhook = require(caller, id);
        webhooks.markActive(webhook.id());
        deliveries.releaseHeld(webhook.id());
        return WebhookView.of(webhooks.findById(webhook.id()).orElseThrow());
    }

    DeliveryView.Page deliveries(Caller caller, String id, String cursor, int limit) {
        Webhook webhook = require(caller, id);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : decode(cursor);
        List<Delivery> found = deliveries.page(webhook.id(), before, limit + 1);
        boolean more = found.size() > limit;
        List<Delivery> page = more ? found.subList(0, limit) : found;
        String next = more ? encode(page.get(page.size() - 1).seq()) : null;
        return new DeliveryView.Page(page.stream().map(DeliveryView::of).toList(), next);
    }

    private Webhook require(Caller caller, String id) {
        return parse(id).flatMap(webhooks::findById)
                .filter(webhook -> caller.has(Scope.ADMIN) || webhook.ownerId().equals(caller.id()))
                .orElseThrow(() -> ProblemException.notFound("webhook " + id));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API handed out");
        }
    }
}
