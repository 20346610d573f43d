package io.aigcwatch.valuation;

import io.micronaut.runtime.Micronaut;

public final class ValuationApplication {
    private ValuationApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ValuationApplication.class, args);
    }
}
