package org.gallerist.transport.ssh.server.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The network a connection comes from, as limits count it: an IPv4 address on its own (/32), an IPv6 address by its
 * /64, since one host or home usually holds a whole /64 and could otherwise step through it. IPv4-mapped IPv6
 * addresses count as the IPv4 address.
 */
record SourcePrefix(String text) {

    static SourcePrefix of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return of(inet.getAddress());
        }
        return new SourcePrefix(String.valueOf(address));
    }

    static SourcePrefix of(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            try {
                if (isIpv4Mapped(bytes)) {
                    return of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                }
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return new SourcePrefix(InetAddress.getByAddress(bytes).getHostAddress() + "/64");
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return new SourcePrefix(address.getHostAddress());
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return text;
    }
}
