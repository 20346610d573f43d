package io.aigcwatch.gateway.access;

import io.micronaut.http.HttpMethod;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which scope each request under {@code /api} needs. The first rule that matches wins, so the table reads top down;
 * every path is matched with everything under it.
 */
final class AccessRules {
    private static final Set<HttpMethod> READING = EnumSet.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> ANY = EnumSet.allOf(HttpMethod.class);

    private static final List<Rule> RULES = List.of(
            //       methods  path                        scope (null: no key needed)
            new Rule(READING, "/api/health", null),
            new Rule(READING, "/api/openapi.yml", null),
            new Rule(READING, "/api/docs", null),
            // Subscribing is reading; notification-service keeps each key to its own webhooks and lets admin see all.
            new Rule(ANY, "/api/webhooks", Scope.READ),
            new Rule(READING, "/api", Scope.READ),
            new Rule(ANY, "/api/market/assumptions", Scope.ADMIN),
            new Rule(ANY, "/api/fx-rates", Scope.ADMIN),
            new Rule(ANY, "/api/funding-events", Scope.WRITE),
            new Rule(ANY, "/api/valuation-marks", Scope.WRITE),
            new Rule(ANY, "/api", Scope.WRITE));

    private AccessRules() {
    }

    /** Empty when no key is needed. */
    static Optional<Scope> scopeNeeded(HttpMethod method, String rawPath) {
        Optional<String> path = canonical(rawPath);
        if (path.isEmpty()) {
            // a path we cannot read could be anything downstream, so it gets the strictest rule
            return Optional.of(READING.contains(method) ? Scope.READ : Scope.ADMIN);
        }
        return RULES.stream().filter(rule -> rule.matches(method, path.get())).findFirst()
                .map(Rule::scopeOrOpen)
                // only a path that climbs out of /api gets here; nothing routes it, and it is still not open
                .orElse(Optional.of(Scope.ADMIN));
    }

    /**
     * The path as a lenient server might read it: decoded, lower case, without empty or dot segments. So that
     * {@code PUT /api/fx-rates/../market//Assumptions/} needs admin, whichever of these a service ignores. Matching
     * the canonical form can only make a rule stricter, never open a path that the raw form would not.
     */
    static Optional<String> canonical(String rawPath) {
        String decoded;
        try {
            decoded = URI.create(rawPath).getPath();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (decoded == null) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.toLowerCase(Locale.ROOT).split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return Optional.of("/" + String.join("/", segments));
    }

    private record Rule(Set<HttpMethod> methods, String path, Scope scope) {
        boolean matches(HttpMethod method, String candidate) {
            return methods.contains(method) && (candidate.equals(path) || candidate.startsWith(path + "/"));
        }

        Optional<Scope> scopeOrOpen() {
            return Optional.ofNullable(scope);
        }
    }
}
