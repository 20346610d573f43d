package io.aigcwatch.funding.company;

import java.util.List;
import java.util.UUID;

/**
 * The rounds recorded for a company, which its page lists. The rounds build on the registry, so they supply this
 * and the registry never depends on them.
 */
public interface CompanyRounds {

    /** Every round of the company, newest first, retracted ones included and marked. */
    List<RoundSummary> of(UUID companyId);
}
