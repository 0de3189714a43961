package org.gallerist.transport.ssh.server.internal;

import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * Only modern algorithms, strongest first: no SHA-1, no CBC, no DSA, no ssh-rsa signatures. Post-quantum hybrid
 * key exchanges are offered when Mina supports them here (they need BouncyCastle). Strict KEX (the Terrapin
 * countermeasure, {@code kex-strict-s-v00@openssh.com}) is always advertised by Mina 2.12+ and has no switch.
 */
final class ModernAlgorithms {

    static final List<BuiltinDHFactories> KEX = List.of(
            BuiltinDHFactories.mlkem768x25519,
            BuiltinDHFactories.sntrup761x25519_openssh,
            BuiltinDHFactories.sntrup761x25519,
            BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh,
            BuiltinDHFactories.ecdhp256,
            BuiltinDHFactories.ecdhp384,
            BuiltinDHFactories.ecdhp521);

    static final List<BuiltinCiphers> CIPHERS = List.of(
            BuiltinCiphers.cc20p1305_openssh,
            BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256ctr,
            BuiltinCiphers.aes192ctr,
            BuiltinCiphers.aes128ctr);

    static final List<BuiltinMacs> MACS = List.of(
            BuiltinMacs.hmacsha512etm,
            BuiltinMacs.hmacsha256etm,
            BuiltinMacs.hmacsha512,
            BuiltinMacs.hmacsha256);

    /** Host key and user key signatures; the server's host key is ed25519 only. */
    static final List<BuiltinSignatures> SIGNATURES = List.of(
            BuiltinSignatures.ed25519,
            BuiltinSignatures.nistp256,
            BuiltinSignatures.nistp384,
            BuiltinSignatures.nistp521,
            BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256);

    private ModernAlgorithms() {
    }

    static void apply(SshServer server) {
        server.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, KEX, ServerBuilder.DH2KEX));
        server.setCipherFactories(NamedFactory.setUpBuiltinFactories(false, CIPHERS).stream()
                .<NamedFactory<Cipher>>map(c -> c).toList());
        server.setMacFactories(NamedFactory.setUpBuiltinFactories(false, MACS).stream()
                .<NamedFactory<Mac>>map(m -> m).toList());
        server.setSignatureFactories(NamedFactory.setUpBuiltinFactories(false, SIGNATURES).stream()
                .<NamedFactory<Signature>>map(s -> s).toList());
    }
}
