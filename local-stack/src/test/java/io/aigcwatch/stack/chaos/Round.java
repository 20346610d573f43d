package io.aigcwatch.stack.chaos;

/**
 * One round the suite posts. Each names a company and an investor of its own, so that everything a round causes can
 * be told apart in every service: its row, its valuation point (the company's first, which always publishes one
 * {@code valuation.changed}), and its market contribution (the investor's bucket). Post-money stays under USD 1B, so
 * no round makes a unicorn and the market's valuation shares stay empty.
 *
 * @param probe whether a recovery check posted it rather than the load; a probe's investor also leads the round, so
 *              the market's lead-investor shares list only probes, and stay small enough to poll
 */
record Round(String run, int number, boolean probe) {
    static final String FILTERED_LAYER = "APPLICATION";

    String company() {
        return "Chaos " + run + (probe ? " probe " : " round ") + number;
    }

    String investor() {
        return "Chaos " + run + (probe ? " probe investor " : " investor ") + number;
    }

    String idempotencyKey() {
        return "chaos-" + run + (probe ? "-probe-" : "-round-") + number;
    }

    /** Half the load's companies are in the layer that one of the webhooks filters on. */
    String layer() {
        return !probe && number % 2 == 1 ? FILTERED_LAYER : "MODEL";
    }

    long usd() {
        return 1_000_000L + number;
    }

    String json() {
        return """
                {"company": {"name": "%s", "country": "CN", "layer": "%s", "segments": ["TEXT"]},
                 "round": "SERIES_A", "amount": {"value": "%d", "currency": "USD", "precision": "EXACT"},
                 "postMoneyValuation": {"value": "%d", "currency": "USD"},
                 "announcedOn": "2024-06-01", "investors": [{"name": "%s", "lead": %s}],
                 "source": "chaos suite"}""".formatted(company(), layer(), usd(), 100_000_000L + 1_000L * number,
                investor(), probe);
    }
}
