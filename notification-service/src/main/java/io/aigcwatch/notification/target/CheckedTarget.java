package io.aigcwatch.notification.target;

import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL that passed {@link TargetGuard}, with the address its host resolved to when it was checked: the one
 * address an attempt may connect to.
 *
 * @param host the name to send as {@code Host} and to verify the TLS certificate against, without IPv6 brackets
 * @param port the URL's port, or the scheme's default
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, InetAddress address) {
}
