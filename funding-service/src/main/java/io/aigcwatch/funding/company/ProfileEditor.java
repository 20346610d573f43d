package io.aigcwatch.funding.company;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.FundingEventSources;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.funding.round.CompanyMoves;
import io.aigcwatch.funding.round.EntityTags;
import io.aigcwatch.kit.outbox.Outbox;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Edits a company profile and records its status, each in one transaction with its audit rows and the event that
 * announces it (through the outbox, keyed by company id, so a company's events keep their order with its rounds).
 */
@Singleton
class ProfileEditor {
    private static final Set<String> SEARCHED_FIELDS = Set.of("name", "localName", "aliases");
    /** The fields this service's own funding totals count rounds by (see {@link CompanyMoves}). */
    private static final Set<String> BUCKETING_FIELDS = Set.of("country", "layer");
    /** The fields consumers' totals count rounds by: an edit of one lists the rounds it moves in its event. */
    private static final Set<String> ROUND_BUCKET_FIELDS = Set.of("country", "layer", "segments");

    private final CompanyRepository companies;
    private final ProfilePatch patches;
    private final ProfileHistory history;
    private final CompanySearchKeys searchKeys;
    private final CompanyMoves moves;
    private final Outbox outbox;
    private final Clock clock;

    ProfileEditor(CompanyRepository companies, ProfilePatch patches, ProfileHistory history,
                  CompanySearchKeys searchKeys, CompanyMoves moves, Outbox outbox, Clock clock) {
        this.companies = companies;
        this.patches = patches;
        this.history = history;
        this.searchKeys = searchKeys;
        this.moves = moves;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The profile after the patch; a patch that changes nothing leaves the version as it is and announces nothing. */
    @Transactional
    Company patch(UUID id, String ifMatch, @Nullable JsonNode patch, String caller) {
        Company current = lockMatching(id, ifMatch);
        Company edited = patches.apply(current, patch);
        Instant now = now();
        long version = current.version() + 1;
        List<ProfileChange> changes = new ArrayList<>();
        diff(changes, current, edited, "name", Company::name, version, caller, now);
        diff(changes, current, edited, "localName", Company::localName, version, caller, now);
        diff(changes, current, edited, "aliases", Company::aliases, version, caller, now);
        diff(changes, current, edited, "country", Company::country, version, caller, now);
        diff(changes, current, edited, "layer", c -> c.layer().name(), version, caller, now);
        diff(changes, current, edited, "segments", Company::segments, version, caller, now);
        diff(changes, current, edited, "foundedOn", c -> c.foundedOn() == null ? null : c.foundedOn().toString(),
                version, caller, now);
        diff(changes, current, edited, "headquarters", Company::headquarters, version, caller, now);
        diff(changes, current, edited, "website", Company::website, version, caller, now);
        if (changes.isEmpty()) {
            return current;
        }
        rejectTakenNames(edited);
        Company versioned = withVersion(edited, version, now);
        // read under the company's row lock, which every round writer takes first: a round recorded or corrected
        // concurrently either committed before this read (and is listed) or waits and carries the edited profile
        List<CompanyMoves.CountingRound> counting = changed(changes, ROUND_BUCKET_FIELDS) ? moves.counting(id) : null;
        Company saved = changed(changes, BUCKETING_FIELDS)
                ? moves.moving(counting, () -> companies.update(versioned))
                : companies.update(versioned);
        if (changed(changes, SEARCHED_FIELDS)) {
            // a new alias or local name is how analysts will look the company up, so it is searchable at once
            searchKeys.write(List.of(saved));
        }
        history.append(id, changes);
        CompanyUpdated data = new CompanyUpdated(saved.toProfile(),
                changes.stream().map(ProfileChange::field).toList(), caller, now,
                counting == null ? null : counting.stream().map(CompanyMoves.CountingRound::id).toList(),
                counting == null ? null : counting.stream().map(CompanyMoves.CountingRound::version).toList());
        outbox.append(Topics.FUNDING_EVENTS, id.toString(), CloudEvent.of(FundingEventSources.SERVICE,
                FundingEventTypes.COMPANY_UPDATED, id.toString(), now, data));
        return saved;
    }

    /** Sets the status and its date, keeps the event and announces it. */
    @Transactional
    StatusOutcome recordStatus(UUID id, String ifMatch, StatusEventRequest.Valid request, String caller) {
        Company current = lockMatching(id, ifMatch);
        if (current.status() == request.status()) {
            throw new ProblemException(HttpStatus.CONFLICT, "status-unchanged",
                    "company " + id + " is already " + current.status());
        }
        Instant now = now();
        long version = current.version() + 1;
        Company changed = new Company(current.id(), current.name(), current.normalizedName(), current.localName(),
                current.country(), current.layer(), current.segments(), current.createdAt(), current.aliases(),
                current.foundedOn(), current.headquarters(), current.website(), request.status(),
                request.effectiveOn(), version, now);
        Company saved = companies.update(changed);
        List<ProfileChange> changes = new ArrayList<>();
        diff(changes, current, saved, "status", c -> c.status().name(), version, caller, now);
        diff(changes, current, saved, "statusSince", c -> c.statusSince() == null ? null : c.statusSince().toString(),
                version, caller, now);
        history.append(id, changes);
        StatusEventView event = new StatusEventView(UUID.randomUUID(), id, version, current.status(),
                request.status(), request.effectiveOn(), request.source(), request.acquirer(), caller, now);
        history.append(event);
        CompanyStatusChanged data = new CompanyStatusChanged(event.id(), saved.toProfile(), current.status(),
                request.status(), request.effectiveOn(), request.source(), request.acquirer(), caller, now);
        outbox.append(Topics.FUNDING_EVENTS, id.toString(), CloudEvent.of(FundingEventSources.SERVICE,
                FundingEventTypes.COMPANY_STATUS_CHANGED, id.toString(), now, data));
        return new StatusOutcome(event, saved);
    }

    record StatusOutcome(StatusEventView event, Company company) {
    }

    private Company lockMatching(UUID id, String ifMatch) {
        Company current = companies.lockById(id).orElseThrow(() -> ProblemException.notFound("company " + id));
        String etag = EntityTags.of(current.version());
        if (!EntityTags.matches(ifMatch, etag)) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-etag",
                    "If-Match " + ifMatch + " does not match the current version " + etag
                            + "; read the company again and reapply your change");
        }
        return current;
    }

    /**
     * A company's name identifies it suite-wide: a new name or alias may not be another company's name (nor a new
     * name another company's local name, which also finds a company).
     */
    private void rejectTakenNames(Company edited) {
        companies.findByNormalizedName(edited.normalizedName())
                .filter(other -> !other.id().equals(edited.id()))
                .ifPresent(other -> {
                    throw ProblemException.conflictWith("company-name-taken", "another company is named "
                            + other.name(), other.id().toString(), "/companies/" + other.id());
                });
        for (String alias : edited.aliases()) {
            companies.findByNormalizedName(CompanyNames.key(alias))
                    .filter(other -> !other.id().equals(edited.id()))
                    .ifPresent(other -> {
                        throw ProblemException.conflictWith("alias-is-another-company", "the alias " + alias
                                + " is the name of another company, " + other.name(), other.id().toString(),
                                "/companies/" + other.id());
                    });
        }
    }

    private static boolean changed(List<ProfileChange> changes, Set<String> fields) {
        return changes.stream().anyMatch(change -> fields.contains(change.field()));
    }

    private static Company withVersion(Company c, long version, Instant now) {
        return new Company(c.id(), c.name(), c.normalizedName(), c.localName(), c.country(), c.layer(), c.segments(),
                c.createdAt(), c.aliases(), c.foundedOn(), c.headquarters(), c.website(), c.status(), c.statusSince(),
                version, now);
    }

    private static void diff(List<ProfileChange> changes, Company before, Company after, String field,
                             Function<Company, Object> value, long version, String caller, Instant now) {
        Object old = value.apply(before);
        Object fresh = value.apply(after);
        if (!Objects.equals(old, fresh)) {
            changes.add(new ProfileChange(version, field, JsonValues.of(old), JsonValues.of(fresh), caller, now));
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; a response must show exactly what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
