package io.aigcwatch.funding;

/** Request bodies shaped as the layout's public API documents them. */
public final class Rounds {
    private Rounds() {
    }

    public static String round(String company, String roundType, String value, String currency, String announcedOn) {
        return """
                {"company": {"name": "%s", "country": "CN", "layer": "MODEL", "segments": ["TEXT"]},
                 "round": "%s",
                 "amount": {"value": "%s", "currency": "%s", "precision": "EXACT"},
                 "postMoneyValuation": {"value": "1200000000", "currency": "USD"},
                 "announcedOn": "%s",
                 "investors": [{"name": "Example Capital", "lead": true}, {"name": "Other Fund", "lead": false}],
                 "source": "https://example.org/press-release"}
                """.formatted(company, roundType, value, currency, announcedOn);
    }
}
