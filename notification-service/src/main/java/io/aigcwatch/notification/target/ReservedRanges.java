package io.aigcwatch.notification.target;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every address range a webhook may not reach, in one table: the IANA IPv4 and IPv6 special-purpose address
 * registries' entries that are not globally reachable, plus multicast, the deprecated 6to4 and site-local blocks, and
 * whatever else could lead a request into the suite's own network. The first matching row names the kind, so exact
 * addresses come before the blocks that contain them.
 *
 * <p>IPv6 forms that carry an IPv4 address a host may translate to (IPv4-mapped, IPv4-compatible, the well-known
 * NAT64 prefix) are judged by that IPv4 address. Prefixes whose embedded IPv4 address is chosen by the sender
 * (6to4, Teredo, local-use NAT64) are refused whole: no receiver needs them, and any of them may lead inwards.
 */
final class ReservedRanges {
    private static final List<Range> RANGES = List.of(
            // IPv4 (RFC 6890 and its successors)
            range("0.0.0.0/32", "unspecified"),
            range("0.0.0.0/8", "this-network"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "IETF protocol assignment"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "6to4 relay anycast"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("255.255.255.255/32", "limited broadcast"),
            range("240.0.0.0/4", "reserved"),
            // IPv6 (RFC 6890, 8190 and their successors)
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("64:ff9b:1::/48", "local-use NAT64"),
            range("100::/64", "discard-only"),
            range("2001::/32", "Teredo"),
            range("2001:2::/48", "benchmarking"),
            range("2001:10::/28", "ORCHID"),
            range("2001:20::/28", "ORCHIDv2"),
            range("2001:db8::/32", "documentation"),
            range("2002::/16", "6to4"),
            range("3fff::/20", "documentation"),
            range("5f00::/16", "segment routing"),
            range("fc00::/7", "unique local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    /** Where the IPv4 address sits in the last four bytes and decides, as it would once translated. */
    private static final List<Range> IPV4_CARRIERS = List.of(
            range("::ffff:0:0/96", "IPv4-mapped"),
            range("::/96", "IPv4-compatible"),
            range("64:ff9b::/96", "NAT64"));

    private ReservedRanges() {
    }

    /** What kind of non-public address this is, such as {@code loopback (127.0.0.0/8)}, if it is one. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : RANGES) {
            if (range.contains(bytes)) {
                return Optional.of(range.kind + " (" + range.cidr + ")");
            }
        }
        for (Range carrier : IPV4_CARRIERS) {
            if (carrier.contains(bytes)) {
                return kindOf(ipv4(Arrays.copyOfRange(bytes, 12, 16)))
                        .map(kind -> kind + " inside " + carrier.kind + " " + carrier.cidr);
            }
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Range range(String cidr, String kind) {
        int slash = cidr.indexOf('/');
        try {
            // a literal: parsed, never looked up
            String literal = cidr.substring(0, slash);
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] prefix = parsed instanceof Inet4Address && literal.contains(":") ? mapped(parsed.getAddress())
                    : parsed.getAddress();
            return new Range(cidr, kind, prefix, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr + " is not a CIDR block", e);
        }
    }

    /** The JDK parses an IPv4-mapped literal into its IPv4 address; the table needs its IPv6 bytes. */
    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private record Range(String cidr, String kind, byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
