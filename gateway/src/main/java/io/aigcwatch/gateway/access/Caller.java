package io.aigcwatch.gateway.access;

import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Who sent a request, as the access filter established it. What limits per caller (stream connections, rate limits)
 * keys on {@link #id()}, never on the API key itself, and so do the services that own data per caller (webhooks),
 * which learn it from the caller headers the proxy sets.
 *
 * @param id     a stable, non-secret id of the key (or {@link #ANONYMOUS_ID}); safe to log and to store
 * @param scopes what the caller may do
 */
public record Caller(String id, Set<Scope> scopes) {
    public static final String ANONYMOUS_ID = "anonymous";
    /** The request attribute under which the access filter leaves the caller. */
    public static final String ATTRIBUTE = "aigcwatch.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public static Caller anonymous(Set<Scope> scopes) {
        return new Caller(ANONYMOUS_ID, scopes);
    }

    /** The caller of a request that passed the access filter; anonymous and scopeless when none was set. */
    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class).orElseGet(() -> anonymous(Set.of()));
    }

    /**
     * What a per-caller limit (rate, open streams) counts against: the key's id, or for callers without a key their
     * address, so that anonymous readers do not share one allowance. The socket's address, not
     * {@code X-Forwarded-For}: a header anyone can write would let one client pose as many.
     */
    public static String limitKey(HttpRequest<?> request) {
        Caller caller = of(request);
        if (!caller.isAnonymous()) {
            return caller.id();
        }
        return address(request);
    }

    /**
     * The client's address as a limit's subject: the connection's own peer, never {@code X-Forwarded-For} or
     * {@code Forwarded}, which anyone can write to pose as many clients (or as another one).
     */
    public static String address(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return "address:" + (remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress());
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isAnonymous() {
        return ANONYMOUS_ID.equals(id);
    }
}
