package io.aigcwatch.funding;

import io.micronaut.runtime.Micronaut;

public final class FundingApplication {
    private FundingApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(FundingApplication.class, args);
    }
}
