package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.Scope;
import io.aigcwatch.gateway.tracecontext.TraceContext;
import io.aigcwatch.kit.caller.CallerHeaders;
import io.aigcwatch.kit.internal.InternalCredential;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which headers cross the gateway, each way. Everything else stays on its own side: a client's API key, cookies
 * and hop-by-hop headers never reach a service, and a service's internals never reach a client. The gateway adds
 * two things of its own: the {@link InternalCredential} that services demand, and the verified caller, in
 * {@link CallerHeaders}.
 */
@Singleton
final class ForwardedHeaders {
    private static final Set<String> TO_SERVICE = lowerCase(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.ACCEPT,
            "Idempotency-Key", HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "X-Request-Id",
            // so that a client that reconnects to an event stream resumes where it left off
            "Last-Event-ID",
            // W3C trace context, so that a service's logs and traces join the caller's trace
            TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
    private static final Set<String> TO_CLIENT = lowerCase(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.ETAG, HttpHeaders.LOCATION,
            HttpHeaders.LINK, "X-Request-Id",
            // the file name of a CSV export, and how long a busy or unavailable service asks clients to wait
            "Content-Disposition", HttpHeaders.RETRY_AFTER,
            // tells a client that retried with an Idempotency-Key that this is the first response, replayed
            "Idempotent-Replayed");
    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");

    private final ProxyRoutes routes;
    private final InternalCredential credential;

    ForwardedHeaders(ProxyRoutes routes, InternalCredential credential) {
        this.routes = routes;
        this.credential = credential;
    }

    /**
     * Neither the credential nor the caller headers are in {@link #TO_SERVICE}, so whatever a client sent under
     * those names is gone before the gateway writes its own; a caller without a key gets no caller headers.
     */
    void keepForService(MutableHttpHeaders headers, Caller caller) {
        retainOnly(headers, TO_SERVICE);
        credential.value().ifPresent(value -> headers.set(InternalCredential.HEADER, value));
        if (!caller.isAnonymous()) {
            headers.set(CallerHeaders.KEY, caller.id());
            headers.set(CallerHeaders.SCOPES, CallerHeaders.scopes(caller.scopes().stream().map(Scope::wireName).toList()));
        }
    }

    /** Also turns the service's own paths in {@code Location} and {@code Link} into the public ones. */
    MutableHttpResponse<?> keepForClient(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        retainOnly(headers, TO_CLIENT);
        String location = headers.get(HttpHeaders.LOCATION);
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, publicUri(location));
        }
        List<String> links = headers.getAll(HttpHeaders.LINK);
        if (!links.isEmpty()) {
            headers.remove(HttpHeaders.LINK);
            links.forEach(link -> headers.add(HttpHeaders.LINK, publicLinks(link)));
        }
        return response;
    }

    private String publicLinks(String link) {
        Matcher target = LINK_TARGET.matcher(link);
        StringBuilder rewritten = new StringBuilder();
        while (target.find()) {
            target.appendReplacement(rewritten, Matcher.quoteReplacement("<" + publicUri(target.group(1)) + ">"));
        }
        target.appendTail(rewritten);
        return rewritten.toString();
    }

    /**
     * {@code /funding-events/1} becomes {@code /api/funding-events/1}. Absolute URIs are left alone: a service
     * that names a host means that host, and we cannot tell its own address from anyone else's.
     */
    String publicUri(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return uri;
        }
        String path = parsed.getRawPath();
        if (parsed.isAbsolute() || parsed.getRawAuthority() != null || path == null
                || routes.forDownstreamPath(path).isEmpty()) {
            return uri;
        }
        return ProxyRoutes.PUBLIC_PREFIX + uri;
    }

    private static void retainOnly(MutableHttpHeaders headers, Set<String> allowed) {
        for (String name : List.copyOf(headers.names())) {
            if (!allowed.contains(name.toLowerCase(Locale.ROOT))) {
                headers.remove(name);
            }
        }
    }

    private static Set<String> lowerCase(String... names) {
        return Arrays.stream(names).map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
