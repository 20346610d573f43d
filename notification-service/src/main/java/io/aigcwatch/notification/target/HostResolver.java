package io.aigcwatch.notification.target;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook URL's host into addresses. The only place a target's name is resolved: {@link TargetGuard} checks
 * what this answers, and the attempt connects to exactly that, so a name whose answer changes in between (DNS
 * rebinding) cannot lead a delivery elsewhere.
 */
public interface HostResolver {

    /** @param host a name or an address literal (IPv6 in brackets or not); never empty */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
