package io.aigcwatch.gateway.access;

import java.util.Locale;

/** What an API key may do. Scopes do not imply each other: a key gets exactly the scopes it is configured with. */
public enum Scope {
    /** GET anything public, and subscribe (SSE stream, own webhooks). */
    READ,
    /** Record, correct and retract rounds and valuation marks. */
    WRITE,
    /** Change market assumptions and FX rates, and manage every key's webhooks (notification-service). */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
