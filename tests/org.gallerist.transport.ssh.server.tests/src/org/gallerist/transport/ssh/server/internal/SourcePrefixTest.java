package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class SourcePrefixTest {

    @Test
    void ipv4CountsByAddressAndIpv6ByItsSlash64() throws Exception {
        assertEquals("203.0.113.5", SourcePrefix.of(new InetSocketAddress("203.0.113.5", 40000)).text());
        assertEquals("2001:db8:1:2:0:0:0:0/64",
                SourcePrefix.of(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).text());
        assertEquals(SourcePrefix.of(InetAddress.getByName("2001:db8:1:2::1")),
                SourcePrefix.of(InetAddress.getByName("2001:db8:1:2:ffff::9")), "one /64, one source");
    }

    @Test
    void ipv4MappedAddressesCountAsTheIpv4Address() throws Exception {
        byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 5 };
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertEquals("203.0.113.5", SourcePrefix.of(address).text());
    }
}
