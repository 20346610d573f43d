package io.aigcwatch.market;

import io.micronaut.runtime.Micronaut;

public final class MarketApplication {
    private MarketApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(MarketApplication.class, args);
    }
}
