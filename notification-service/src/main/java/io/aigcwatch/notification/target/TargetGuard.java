package io.aigcwatch.notification.target;

import io.aigcwatch.notification.webhook.WebhookConfig;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from turning this service into a way into the suite's own network (SSRF): a target must be an
 * http(s) URL whose host resolves only to public addresses (see {@link ReservedRanges}), unless the operator allows
 * private targets. Checked when a webhook is registered and again before every attempt, since what a name resolves
 * to may change.
 *
 * <p>The name is resolved once per check, every address it resolves to is checked, and the attempt connects to the
 * checked address itself ({@link CheckedTarget#address()}), never resolving the name again: a DNS server that answers
 * a public address to the check and a private one a moment later (DNS rebinding) cannot redirect the connection.
 * Redirects are never followed, so a public receiver cannot bounce a delivery inwards either.
 */
@Singleton
public class TargetGuard {
    private final boolean allowPrivateTargets;
    private final HostResolver resolver;

    TargetGuard(WebhookConfig config, HostResolver resolver) {
        this.allowPrivateTargets = config.allowPrivateTargets();
        this.resolver = resolver;
    }

    /** @return why {@code url} may not receive webhooks, or empty when it may */
    public Optional<String> refusal(String url) {
        try {
            check(url);
            return Optional.empty();
        } catch (RefusedTarget refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** The target to connect to, resolved and checked now. */
    public CheckedTarget check(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTarget("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedTarget("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("must not carry a user name or password; sign with the secret instead");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new CheckedTarget(uri, scheme, host, port, checkedAddress(host));
    }

    private InetAddress checkedAddress(String host) throws RefusedTarget {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("names a host that does not resolve: " + host);
        }
        if (addresses.isEmpty()) {
            throw new RefusedTarget("names a host that does not resolve: " + host);
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                Optional<String> kind = forbiddenKind(address);
                if (kind.isPresent()) {
                    throw new RefusedTarget("reaches " + address.getHostAddress() + ", a " + kind.get()
                            + " address, which webhooks may not target");
                }
            }
        }
        return addresses.get(0);
    }

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        return ReservedRanges.kindOf(address);
    }
}
