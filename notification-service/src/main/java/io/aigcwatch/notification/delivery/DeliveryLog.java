package io.aigcwatch.notification.delivery;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A webhook's deliveries as its owner sees and steers them; whether the caller may is the webhook registry's call. */
@Singleton
public class DeliveryLog {
    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first. @param cursor the {@code next} of the page before, or null for the newest page */
    public DeliveryView.Page page(UUID webhookId, @Nullable String cursor, int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : decode(cursor);
        List<Delivery> found = deliveries.page(webhookId, before, limit + 1);
        boolean more = found.size() > limit;
        List<Delivery> page = more ? found.subList(0, limit) : found;
        String next = more ? encode(page.get(page.size() - 1).seq()) : null;
        return new DeliveryView.Page(page.stream().map(DeliveryView::of).toList(), next);
    }

    /** Deliveries held while the webhook was failing become due at once; joins the caller's transaction. */
    @Transactional
    public void releaseHeld(UUID webhookId) {
        deliveries.releaseHeld(webhookId);
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
