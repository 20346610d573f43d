package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * CloudEvents {@code source} values of {@link io.aigcwatch.events.Topics#FUNDING_EVENTS}: where a change came from.
 * A round recorded one by one (the API, a correction, a retraction, a company edit) comes from {@link #SERVICE}; a
 * round recorded by a bulk import comes from {@link #importJob} of its job, so anyone reading the topic can tell the
 * history being loaded from rounds as they are recorded, and which job loaded it.
 */
public final class FundingEventSources {
    public static final String SERVICE = "/aigcwatch/funding-service";
    /** Followed by the import job's id. */
    public static final String IMPORTS = SERVICE + "/imports/";

    private FundingEventSources() {
    }

    /** The source of the events of the rounds import job {@code jobId} recorded. */
    public static String importJob(UUID jobId) {
        return IMPORTS + jobId;
    }

    /** Whether an event of this source announces a round that a bulk import recorded. */
    public static boolean isImport(@Nullable String source) {
        return source != null && source.startsWith(IMPORTS);
    }
}
