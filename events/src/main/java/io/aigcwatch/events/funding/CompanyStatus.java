package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a company stands as a business. Trackers count only private companies as unicorns (CB Insights: companies
 * leave the list "through an exit, a down round or bankruptcy"; IT桔子 counts only unlisted ones), so any status but
 * {@link #ACTIVE} takes a company off the unicorn list while its valuation history stays.
 */
@Serdeable
public enum CompanyStatus {
    ACTIVE,
    ACQUIRED,
    PUBLIC,
    CLOSED;

    /** Whether the company is no longer a private, operating one: the unicorn list leaves it out. */
    public boolean exited() {
        return this != ACTIVE;
    }
}
