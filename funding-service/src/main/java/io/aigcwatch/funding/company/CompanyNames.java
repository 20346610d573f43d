package io.aigcwatch.funding.company;

import java.text.Normalizer;
import java.util.Locale;

/** The registry's key for a name: sources spell the same company with other case, widths and spacing. */
final class CompanyNames {
    private CompanyNames() {
    }

    static String normalize(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .trim();
    }
}
