package org.gallerist.transport.ssh.client.internal;

import java.util.List;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/** The same modern-only algorithm lists as the server's: no SHA-1, no CBC, no DSA, no ssh-rsa signatures. */
final class ModernAlgorithms {

    private static final List<BuiltinDHFactories> KEX = List.of(
            BuiltinDHFactories.mlkem768x25519,
            BuiltinDHFactories.sntrup761x25519_openssh,
            BuiltinDHFactories.sntrup761x25519,
            BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh,
            BuiltinDHFactories.ecdhp256,
            BuiltinDHFactories.ecdhp384,
            BuiltinDHFactories.ecdhp521);

    private static final List<BuiltinCiphers> CIPHERS = List.of(
            BuiltinCiphers.cc20p1305_openssh,
            BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256ctr,
            BuiltinCiphers.aes192ctr,
            BuiltinCiphers.aes128ctr);

    private static final List<BuiltinMacs> MACS = List.of(
            BuiltinMacs.hmacsha512etm,
            BuiltinMacs.hmacsha256etm,
            BuiltinMacs.hmacsha512,
            BuiltinMacs.hmacsha256);

    private static final List<BuiltinSignatures> SIGNATURES = List.of(
            BuiltinSignatures.ed25519,
            BuiltinSignatures.nistp256,
            BuiltinSignatures.nistp384,
            BuiltinSignatures.nistp521,
            BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256);

    private ModernAlgorithms() {
    }

    static void apply(SshClient client) {
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, KEX, ClientBuilder.DH2KEX));
        client.setCipherFactories(NamedFactory.setUpBuiltinFactories(false, CIPHERS).stream()
                .<NamedFactory<Cipher>>map(c -> c).toList());
        client.setMacFactories(NamedFactory.setUpBuiltinFactories(false, MACS).stream()
                .<NamedFactory<Mac>>map(m -> m).toList());
        client.setSignatureFactories(NamedFactory.setUpBuiltinFactories(false, SIGNATURES).stream()
                .<NamedFactory<Signature>>map(s -> s).toList());
    }
}
