package io.aigcwatch.notification.delivery;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The webhook client's resolver, which resolves nothing: every attempt names the address its target was checked at,
 * so a lookup here would be a second answer that nobody checked.
 */
final class NoDnsResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": webhooks connect only to the address their target was checked at");
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }
}
