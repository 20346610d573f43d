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
    /** The base64 of the longest sequence number, 19 digits, is 26 characters. */
    static final int MAX_CURSOR_LENGTH = 32;
    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Where a page starts, checked before anything is looked up.
     *
     * @param cursor the {@code next} of the page before, or null for the newest page
     */
    public static long before(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw notACursor();
        }
        return decode(cursor);
    }

    /** Newest first. @param before {@link #before} of the caller's cursor */
    public DeliveryView.Page page(UUID webhookId, long before, int limit) {
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
            long seq = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (seq > 0) {
                return seq;
            }
        } catch (IllegalArgumentException e) {
            // named below, like any other value this API did not hand out
        }
        throw notACursor();
    }

    private static ProblemException notACursor() {
        return ProblemException.invalid("cursor", "is not a cursor this API handed out");
    }
}
