package io.github.camelpixazo.request;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Judges the host of a URL that someone else will fetch (an edit image the gateway downloads, a webhook it calls):
 * can a server on the internet reach it, or is it this machine, a private network or no address at all? The one
 * place where a URL's host is judged, for every gateway.
 * <p>
 * A host is judged by the address it denotes, not by its text: an IP literal is parsed in every form a resolver
 * accepts without DNS ({@code inet_aton}'s decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex
 * {@code 0x7f.1}, shortened {@code 127.1}; IPv6 with IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses judged by
 * the IPv4 address inside), and a name is normalised (case, trailing dots: {@code LOCALHOST.} is {@code localhost}).
 * Nothing is looked up: a name that resolves to a private address ({@code 127.0.0.1.nip.io}) is judged public,
 * because resolving it here says nothing about what the gateway's resolver answers, and costs a DNS query per message.
 * Sources: RFC 1122 3.2.1.3 (0/8, 127/8), RFC 1918 (private), RFC 6598 (100.64/10), RFC 3927 (169.254/16), RFC 5771
 * (multicast), RFC 1112 (240/4), RFC 4291 (IPv6 loopback, unspecified, link-local, multicast, mapped), RFC 4193
 * (fc00::/7), RFC 6052 (64:ff9b::/96), RFC 3056 (2002::/16), RFC 6761 and 8375 (localhost., .local, home.arpa).
 */
public final class UrlHost {

    /** What a host denotes, as far as a server on the internet is concerned. */
    public enum Reach {
        /** A public name or address: reachable, as far as can be told without DNS. */
        PUBLIC("a public host"),
        /** This machine: 127/8, ::1, localhost. */
        LOOPBACK("a loopback address"),
        /** No address: 0.0.0.0/8, ::, which many systems connect to this machine. */
        UNSPECIFIED("the unspecified address"),
        /** A private network: RFC 1918, fc00::/7, fec0::/10, carrier-grade NAT 100.64/10, benchmarking 198.18/15. */
        PRIVATE("a private address"),
        /** The local link: 169.254/16, fe80::/10. */
        LINK_LOCAL("a link-local address"),
        /** Multicast, broadcast and reserved ranges: 224/4, 240/4, 192.0.0/24, ff00::/8. */
        RESERVED("a multicast or reserved address"),
        /** A name only a local network resolves: localhost, *.localhost, *.local, *.internal, *.home.arpa, one label. */
        LOCAL_NAME("a local name");

        private final String description;

        Reach(String description) {
            this.description = description;
        }

        /** In words, for messages: "a loopback address". */
        public String description() {
            return description;
        }
    }

    private UrlHost() {
    }

    /** The host as compared: lower case, without brackets and without trailing dots. */
    public static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** What {@code host} (a URI's host, with or without IPv6 brackets) denotes. No DNS lookup is made. */
    public static Reach classify(String host) {
        String h = normalise(host);
        if (h.isEmpty()) {
            return Reach.UNSPECIFIED;
        }
        if (h.contains(":")) {
            byte[] address = ipv6(h);
            return address == null ? Reach.RESERVED : classify(address);
        }
        byte[] v4 = ipv4(h);
        if (v4 != null) {
            return classify(v4);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")
            || h.equals("home.arpa") || h.endsWith(".home.arpa") || !h.contains(".")) {
            return h.equals("localhost") || h.endsWith(".localhost") ? Reach.LOOPBACK : Reach.LOCAL_NAME;
        }
        return Reach.PUBLIC;
    }

    /** Whether {@code host} is this machine: a loopback address or the name localhost (case and trailing dots aside). */
    public static boolean isLoopback(String host) {
        return classify(host) == Reach.LOOPBACK;
    }

    /** Whether a server on the internet can reach {@code host}, as far as can be told without DNS. */
    public static boolean isPublic(String host) {
        return classify(host) == Reach.PUBLIC;
    }

    private static Reach classify(byte[] a) {
        if (a.length == 4) {
            int b0 = a[0] & 0xff;
            int b1 = a[1] & 0xff;
            int b2 = a[2] & 0xff;
            if (b0 == 0) {
                return Reach.UNSPECIFIED;
            }
            if (b0 == 127) {
                return Reach.LOOPBACK;
            }
            if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168
                || b0 == 100 && (b1 & 0xc0) == 64 || b0 == 198 && (b1 & 0xfe) == 18) {
                return Reach.PRIVATE;
            }
            if (b0 == 169 && b1 == 254) {
                return Reach.LINK_LOCAL;
            }
            if (b0 >= 224 || b0 == 192 && b1 == 0 && b2 == 0) {
                return Reach.RESERVED;
            }
            return Reach.PUBLIC;
        }
        // IPv6 (IPv4-mapped ::ffff:a.b.c.d arrives as IPv4 already)
        boolean zeroPrefix96 = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix96 &= a[i] == 0;
        }
        if (zeroPrefix96) {
            int last = ((a[12] & 0xff) << 24) | ((a[13] & 0xff) << 16) | ((a[14] & 0xff) << 8) | (a[15] & 0xff);
            if (last == 0) {
                return Reach.UNSPECIFIED;
            }
            if (last == 1) {
                return Reach.LOOPBACK;
            }
            return classify(tail4(a, 12)); // IPv4-compatible ::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            boolean wellKnown = true;
            for (int i = 4; i < 12; i++) {
                wellKnown &= a[i] == 0;
            }
            if (wellKnown) {
                return classify(tail4(a, 12)); // NAT64 64:ff9b::a.b.c.d
            }
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return classify(tail4(a, 2)); // 6to4 2002:AABB:CCDD::
        }
        if ((a[0] & 0xfe) == 0xfc || (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return Reach.PRIVATE; // fc00::/7, fec0::/10
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
            return Reach.LINK_LOCAL;
        }
        if ((a[0] & 0xff) == 0xff) {
            return Reach.RESERVED;
        }
        return Reach.PUBLIC;
    }

    private static byte[] tail4(byte[] a, int from) {
        return new byte[] { a[from], a[from + 1], a[from + 2], a[from + 3] };
    }

    /**
     * An IPv4 literal in any form {@code inet_aton} accepts: 1 to 4 parts, each decimal, octal (leading 0) or hex
     * (0x), the last part filling the remaining bytes ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}).
     * Null when {@code h} is not one (it is then a name).
     */
    static byte[] ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int radix = 10;
            if (p.startsWith("0x")) {
                radix = 16;
                p = p.substring(2);
            } else if (p.length() > 1 && p.startsWith("0")) {
                radix = 8;
                p = p.substring(1);
            }
            if (p.isEmpty() && radix != 16 || p.length() > 12) {
                return null;
            }
            try {
                values[i] = p.isEmpty() ? 0 : Long.parseLong(p, radix);
            } catch (NumberFormatException notANumber) {
                return null;
            }
            if (values[i] < 0 || p.startsWith("+") || p.startsWith("-")) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (4 - (values.length - 1)))) {
            return null;
        }
        address |= last;
        return new byte[] { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
    }

    /** An IPv6 literal's 16 bytes (or 4, for an IPv4-mapped address), or null; parsed without any lookup. */
    private static byte[] ipv6(String h) {
        int zone = h.indexOf('%');
        String literal = zone >= 0 ? h.substring(0, zone) : h;
        if (!literal.matches("[0-9a-f:.]+")) {
            return null;
        }
        try {
            // in brackets the JDK parses a literal only: it never turns to DNS
            InetAddress address = InetAddress.getByName("[" + literal + "]");
            return address instanceof Inet6Address || address instanceof Inet4Address ? address.getAddress() : null;
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }
}
