package io.github.camelpixazo.request;

import io.github.camelpixazo.request.UrlHost.Reach;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A URL's host is judged by the address it denotes, in every form a resolver reads without DNS, not by its text:
 * {@code 0.0.0.0}, {@code 2130706433}, {@code [::ffff:127.0.0.1]} and {@code localhost.} once passed as public hosts.
 */
class UrlHostTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // loopback, in every spelling
            "localhost, LOOPBACK", "LOCALHOST., LOOPBACK", "localhost.., LOOPBACK", "app.localhost, LOOPBACK",
            "127.0.0.1, LOOPBACK", "127.1, LOOPBACK", "127.255.255.254, LOOPBACK", "2130706433, LOOPBACK",
            "0177.0.0.1, LOOPBACK", "0x7f.0.0.1, LOOPBACK", "0x7f000001, LOOPBACK", "017700000001, LOOPBACK",
            "[::1], LOOPBACK", "::1, LOOPBACK", "[0:0:0:0:0:0:0:1], LOOPBACK", "[::ffff:127.0.0.1], LOOPBACK",
            "[::ffff:7f00:1], LOOPBACK", "[::127.0.0.1], LOOPBACK", "[64:ff9b::7f00:1], LOOPBACK",
            "[2002:7f00:1::], LOOPBACK",
            // no address
            "0.0.0.0, UNSPECIFIED", "0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "[::], UNSPECIFIED",
            // private networks
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.20, PRIVATE",
            "100.64.0.1, PRIVATE", "100.127.255.255, PRIVATE", "198.18.0.1, PRIVATE", "[fd00::1], PRIVATE",
            "[fc00::1], PRIVATE", "[fec0::1], PRIVATE", "[::ffff:10.1.2.3], PRIVATE", "3232235796, PRIVATE",
            // the local link, multicast, reserved
            "169.254.169.254, LINK_LOCAL", "[fe80::1], LINK_LOCAL", "[fe80::1%25eth0], LINK_LOCAL",
            "224.0.0.1, RESERVED", "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "[ff02::1], RESERVED",
            // names only a local network resolves
            "printer.local, LOCAL_NAME", "db.internal, LOCAL_NAME", "nas.home.arpa, LOCAL_NAME", "intranet, LOCAL_NAME",
            // public: addresses just outside the ranges, and names (never looked up)
            "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC", "11.0.0.1, PUBLIC", "[2001:db8::1], PUBLIC",
            "cdn.example, PUBLIC", "CDN.Example., PUBLIC", "127.0.0.1.nip.io, PUBLIC", "127.evil.example, PUBLIC",
            "1e100.net, PUBLIC", "0x7f.example, PUBLIC", "1.2.3.4.5, PUBLIC"
    })
    void aHostIsJudgedByTheAddressItDenotes(String host, Reach expected) {
        assertEquals(expected, UrlHost.classify(host), host);
    }
}
