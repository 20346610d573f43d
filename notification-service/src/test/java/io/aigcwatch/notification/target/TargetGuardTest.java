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
        for (String address : new String[]{"1.1.1.1", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111",
                "198.17.255.255", "198.20.0.1", "192.0.1.255", "192.0.3.1", "2003::1", "2001:4860:4860::8888",
                "64:ff9b::808:808", "64:ff9b:2::1"}) {
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
        assertKind("255.255.255.255", "limited broadcast");
        assertKind("250.1.2.3", "reserved");
        assertKind("::1", "loopback");
        assertKind("::", "unspecified");
        assertKind("fe80::1", "link-local");
        assertKind("fd12:3456::1", "unique local");
        assertKind("ff02::1", "multicast");
        assertKind("::ffff:10.0.0.1", "private");
        assertKind("::10.0.0.1", "private (10.0.0.0/8) inside IPv4-compatible");
        assertKind("64:ff9b::a9fe:a9fe", "link-local (169.254.0.0/16) inside NAT64");
        assertKind("64:ff9b::7f00:1", "loopback (127.0.0.0/8) inside NAT64");
    }

    /** The ranges issue 11 found let through, and the documentation ranges. */
    @Test
    void specialPurposeRangesAreNamed() throws UnknownHostException {
        assertKind("198.18.0.1", "benchmarking (198.18.0.0/15)");
        assertKind("198.19.255.254", "benchmarking (198.18.0.0/15)");
        assertKind("192.0.0.170", "IETF protocol assignment (192.0.0.0/24)");
        assertKind("192.0.2.1", "documentation (192.0.2.0/24)");
        assertKind("198.51.100.7", "documentation (198.51.100.0/24)");
        assertKind("203.0.113.9", "documentation (203.0.113.0/24)");
        assertKind("192.88.99.1", "6to4 relay anycast");
        assertKind("2002:c0a8:101::1", "6to4 (2002::/16)");
        assertKind("2002:808:808::1", "6to4 (2002::/16)");
        assertKind("64:ff9b:1::a00:1", "local-use NAT64 (64:ff9b:1::/48)");
        assertKind("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo (2001::/32)");
        assertKind("2001:db8::1", "documentation (2001:db8::/32)");
        assertKind("2001:2::1", "benchmarking");
        assertKind("100::1", "discard-only");
        assertKind("fec0::1", "site-local");
    }

    private static void assertKind(String address, String kind) throws UnknownHostException {
        Optional<String> found = TargetGuard.forbiddenKind(InetAddress.getByName(address));
        assertTrue(found.isPresent() && found.get().startsWith(kind), () -> address + " is " + found);
    }
}
