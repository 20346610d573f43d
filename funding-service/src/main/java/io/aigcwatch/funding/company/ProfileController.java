package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.funding.idempotency.IdempotencyKeys;
import io.aigcwatch.funding.idempotency.StoredResponse;
import io.aigcwatch.funding.round.EntityTags;
import io.aigcwatch.kit.caller.CallerHeaders;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A company's profile edits (JSON merge patch with If-Match), their audit trail, and its status events. */
@Controller("/companies/{id}")
class ProfileController {
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int DEFAULT_PAGE = 100;
    /** Who made an edit that came without the gateway's caller header: only tests and internal callers do. */
    private static final String UNKNOWN_CALLER = "internal";

    private final ProfileEditor editor;
    private final ProfileHistory history;
    private final CompanyRegistry registry;
    private final JsonMapper json;
    private final InputLimits limits;
    private final Clock clock;
    private final IdempotencyKeys keys;
    private final TransactionOperations<Connection> transactions;

    ProfileController(ProfileEditor editor, ProfileHistory history, CompanyRegistry registry, JsonMapper json,
                      InputLimits limits, Clock clock, IdempotencyKeys keys,
                      TransactionOperations<Connection> transactions) {
        this.keys = keys;
        this.transactions = transactions;
        this.editor = editor;
        this.history = history;
        this.registry = registry;
        this.json = json;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The body is read as a JSON tree, so that a null (remove the field) is told from an absent field, once
     * {@link PatchBody} has found it shallow; a body it cannot read is a 400.
     */
    @Patch(consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON})
    HttpResponse<CompanyProfileData> patch(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                           @Nullable @Header(CallerHeaders.KEY) String caller,
                                           @Nullable @Body byte[] body) {
        String precondition = requirePrecondition(ifMatch);
        JsonNode patch = PatchBody.read(body, json);
        Company company = editor.patch(id, precondition, patch, caller(caller));
        return HttpResponse.ok(company.toProfile()).header(HttpHeaders.ETAG, EntityTags.of(company.version()));
    }

    /** The profile's edits, newest first, one row per changed field. */
    @Get("/changes")
    ChangePage changes(@PathVariable UUID id, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, DEFAULT_PAGE, limits.maxPageSize());
        String position = checks.optionalText("cursor", cursor, limits.maxCursorLength());
        checks.throwIfAny();
        registry.require(id);
        String[] after = decode(position);
        List<ProfileChange> found = history.changes(id, after == null ? null : Long.parseLong(after[0]),
                after == null ? null : after[1], size + 1);
        boolean more = found.size() > size;
        List<ProfileChange> page = more ? found.subList(0, size) : found;
        ProfileChange last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new ChangePage(page, more ? encode(last.version() + ":" + last.field()) : null);
    }

    /**
     * With an {@code Idempotency-Key}, as {@code POST /funding-events}: a retry gets the first answer, even once the
     * If-Match it carries is stale because the first one applied.
     */
    @Post(uri = "/status-events", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> recordStatus(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Nullable @Header(CallerHeaders.KEY) String caller,
                                 @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                 @Body StatusEventRequest request) {
        String precondition = requirePrecondition(ifMatch);
        StatusEventRequest.Valid valid = request.validate(limits, clock);
        String location = "/companies/" + id + "/status-events";
        if (idempotencyKey == null) {
            ProfileEditor.StatusOutcome outcome = editor.recordStatus(id, precondition, valid, caller(caller));
            return HttpResponse.created(outcome.event()).header(HttpHeaders.LOCATION, location)
                    .header(HttpHeaders.ETAG, EntityTags.of(outcome.company().version()));
        }
        String requestHash = IdempotencyKeys.requestHash(location + "\n" + write(request));
        // one transaction holds the key, records the event and stores the answer: none outlives the others
        return transactions.executeWrite(status -> {
            Optional<StoredResponse> first = keys.claim(caller, idempotencyKey, requestHash);
            if (first.isPresent()) {
                return HttpResponse.status(HttpStatus.valueOf(first.get().status()))
                        .header(HttpHeaders.LOCATION, first.get().location())
                        .header(HttpHeaders.ETAG, first.get().etag())
                        .header("Idempotent-Replayed", "true")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(first.get().body());
            }
            ProfileEditor.StatusOutcome outcome = editor.recordStatus(id, precondition, valid, caller(caller));
            String etag = EntityTags.of(outcome.company().version());
            keys.complete(caller, idempotencyKey, requestHash,
                    new StoredResponse(201, location, etag, write(outcome.event())));
            return HttpResponse.created(outcome.event()).header(HttpHeaders.LOCATION, location)
                    .header(HttpHeaders.ETAG, etag);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/status-events")
    StatusEventPage statusEvents(@PathVariable UUID id, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue Integer limit) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, DEFAULT_PAGE, limits.maxPageSize());
        String position = checks.optionalText("cursor", cursor, limits.maxCursorLength());
        checks.throwIfAny();
        registry.require(id);
        String[] after = decode(position);
        List<StatusEventView> found = history.statusEvents(id, after == null ? null : Long.parseLong(after[0]),
                size + 1);
        boolean more = found.size() > size;
        List<StatusEventView> page = more ? found.subList(0, size) : found;
        return new StatusEventPage(page, more ? encode(page.get(page.size() - 1).version() + ":") : null);
    }

    private String requirePrecondition(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "send If-Match with the ETag of the company profile you read, so that concurrent edits are not lost");
        }
        return FieldChecks.one(checks -> checks.requiredText("If-Match", ifMatch, limits.maxTokenLength()));
    }

    private static String caller(@Nullable String caller) {
        return caller == null || caller.isBlank() ? UNKNOWN_CALLER : caller.strip();
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** {version, field} of the last row of the previous page; null for the first page. */
    private static String @Nullable [] decode(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            Long.parseLong(parts[0]);
            if (parts.length == 2) {
                return parts;
            }
        } catch (IllegalArgumentException notOurs) {
            // reported below
        }
        throw ProblemException.invalid("cursor", "is not a cursor this API handed out");
    }

    /** @param next the cursor of the following page; absent on the last page */
    @Serdeable
    record ChangePage(List<ProfileChange> items, @Nullable String next) {
    }

    @Serdeable
    record StatusEventPage(List<StatusEventView> items, @Nullable String next) {
    }
}
