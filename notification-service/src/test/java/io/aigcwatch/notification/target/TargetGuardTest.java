package io.aigcwatch.notification.target;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses by kind, including the IPv6 spellings of private IPv4 ones; no name is resolved here. */
class TargetGuardTest {

    @Test
    void publicAddressesPass() throws UnknownHostException {
        for (String address : new String[]{"1.1.1.1", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111"}) {
            assertEquals(Optional.empty(), TargetGuard.forbiddenKind(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void everyNonPublicKindIsNamed() throws UnknownHostException {
        assertKind("127.0.0.2", "loopback");
        assertKind("10.255.0.1", "private");
        assertKind("172.31.255.255", "private");
        assertKind("192.168.0.1", "private");
        assertKind("169.254.169.254", "link-local");
        assertKind("100.127.255.254", "carrier-grade NAT");
        assertKind("0.0.0.0", "unspecified");
        assertKind("0.1.2.3", "this-network");
        assertKind("239.1.1.1", "multicast");
        assertKind("255.255.255.255", "reserved");
        assertKind("::1", "loopback");
        assertKind("::", "unspecified");
        assertKind("fe80::1", "link-local");
        assertKind("fd12:3456::1", "unique local");
        assertKind("ff02::1", "multicast");
        assertKind("::ffff:10.0.0.1", "private");
        assertKind("::10.0.0.1", "private (IPv4 inside IPv6)");
        assertKind("64:ff9b::a9fe:a9fe", "link-local (IPv4 inside IPv6)");
    }

    private static void assertKind(String address, String kind) throws UnknownHostException {
        Optional<String> found = TargetGuard.forbiddenKind(InetAddress.getByName(address));
        assertTrue(found.isPresent() && found.get().startsWith(kind), () -> address + " is " + found);
    }
}
