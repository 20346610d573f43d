package io.aigcwatch.notification.webhook;

import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.notification.caller.Caller;
import io.aigcwatch.notification.delivery.DeliveryLog;
import io.aigcwatch.notification.delivery.DeliveryView;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Registering, reading and removing webhooks, each on behalf of a caller. A webhook belongs to the API key that
 * registered it; to every other key except an admin's it does not exist (404, so that ids cannot be probed).
 */
@Singleton
class Webhooks {
    private final WebhookRepository webhooks;
    private final DeliveryLog deliveries;
    private final WebhookRequestValidator validator;
    private final WebhookConfig config;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, DeliveryLog deliveries, WebhookRequestValidator validator,
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
                valid.events(), valid.filters(), valid.roundFilters(), valid.marketScopes(), WebhookStatus.ACTIVE, clock.instant().truncatedTo(ChronoUnit.MICROS), null));
    }

    /** The caller's own webhooks, oldest first; an admin's list holds every key's. */
    List<WebhookView> list(Caller caller) {
        List<Webhook> found = caller.has(Caller.ADMIN) ? webhooks.listOrderByCreatedAt()
                : webhooks.findByOwnerIdOrderByCreatedAt(caller.id());
        return found.stream().map(WebhookView::of).toList();
    }

    WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(require(caller, id));
    }

    @Transactional
    void delete(Caller caller, UUID id) {
        webhooks.deleteById(require(caller, id).id());
    }

    /** ACTIVE again; the deliveries held while it was failing are due at once. */
    @Transactional
    WebhookView reactivate(Caller caller, UUID id) {
        Webhook webhook = require(caller, id);
        webhooks.markActive(webhook.id());
        deliveries.releaseHeld(webhook.id());
        return WebhookView.of(webhooks.findById(webhook.id()).orElseThrow());
    }

    /** @param before {@link DeliveryLog#before} of the caller's cursor */
    DeliveryView.Page deliveries(Caller caller, UUID id, long before, int limit) {
        return deliveries.page(require(caller, id).id(), before, limit);
    }

    private Webhook require(Caller caller, UUID id) {
        return webhooks.findById(id)
                .filter(webhook -> caller.has(Caller.ADMIN) || webhook.ownerId().equals(caller.id()))
                .orElseThrow(() -> ProblemException.notFound("webhook " + id));
    }
}
