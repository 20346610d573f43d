package io.aigcwatch.notification.target;

import io.aigcwatch.notification.webhook.WebhookConfig;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from turning this service into a way into the suite's own network (SSRF): a target must be an
 * http(s) URL whose host resolves only to public addresses, unless the operator allows private targets. Checked
 * when a webhook is registered and again before every attempt, since what a name resolves to may change.
 *
 * <p>The check resolves the name itself, and the HTTP client resolves it again to connect; a DNS server that answers
 * differently within that moment could still slip through. Redirects are never followed, so a public receiver
 * cannot bounce a delivery inwards.
 */
@Singleton
public class TargetGuard {
    private final boolean allowPrivateTargets;

    TargetGuard(WebhookConfig config) {
        this.allowPrivateTargets = config.allowPrivateTargets();
    }

    /** @return why {@code url} may not receive webhooks, or empty when it may */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; sign with the secret instead");
        }
        return allowPrivateTargets ? Optional.empty() : refusalOfHost(uri.getHost());
    }

    private static Optional<String> refusalOfHost(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return Optional.of("reaches " + address.getHostAddress() + ", a " + kind.get()
                        + " address, which webhooks may not target");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Optional<InetAddress> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return forbiddenKind(embedded.get()).map(kind -> kind + " (IPv4 inside IPv6)");
            }
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("unique local (fc00::/7)");
            }
        } else {
            byte[] bytes = address.getAddress();
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return Optional.of("this-network (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first >= 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96) or NAT64 (64:ff9b::/96) one. */
    private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
        byte[] prefix = Arrays.copyOfRange(bytes, 0, 12);
        boolean mapped = Arrays.equals(prefix, new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        boolean compatible = Arrays.equals(prefix, new byte[12]);
        boolean nat64 = Arrays.equals(prefix, new byte[]{0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
