package org.gallerist.transport.ssh.common.internal;

import java.util.List;
import java.util.function.Function;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.helpers.AbstractFactoryManager;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * Only modern algorithms, strongest first: no SHA-1, no CBC, no DSA, no ssh-rsa signatures, no NIST-curve key
 * exchange (ssh-audit fails it: curves of unexplained origin) and no encrypt-and-MAC (only ETM MACs, which the AEAD
 * ciphers do not even use). Every OpenSSH since 6.5 has curve25519 and ETM. Post-quantum hybrid
 * key exchanges are offered when Mina supports them here (they need BouncyCastle). Strict KEX (the Terrapin
 * countermeasure, {@code kex-strict-s-v00@openssh.com}) is always advertised by Mina 2.12+ and has no switch.
 * Server and client apply the same lists, so the policy lives only here.
 */
public final class ModernAlgorithms {

    public static final List<BuiltinDHFactories> KEX = List.of(
            BuiltinDHFactories.mlkem768x25519,
            BuiltinDHFactories.sntrup761x25519_openssh,
            BuiltinDHFactories.sntrup761x25519,
            BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh);

    public static final List<BuiltinCiphers> CIPHERS = List.of(
            BuiltinCiphers.cc20p1305_openssh,
            BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256ctr,
            BuiltinCiphers.aes192ctr,
            BuiltinCiphers.aes128ctr);

    public static final List<BuiltinMacs> MACS = List.of(
            BuiltinMacs.hmacsha512etm,
            BuiltinMacs.hmacsha256etm);

    /** Host key and user key signatures; the server's host key is ed25519 only. */
    public static final List<BuiltinSignatures> SIGNATURES = List.of(
            BuiltinSignatures.ed25519,
            BuiltinSignatures.nistp256,
            BuiltinSignatures.nistp384,
            BuiltinSignatures.nistp521,
            BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256);

    private ModernAlgorithms() {
    }

    /**
     * @param dhToKex the side's key-exchange adapter: {@code ServerBuilder.DH2KEX} or {@code ClientBuilder.DH2KEX}
     */
    public static void apply(AbstractFactoryManager manager, Function<DHFactory, KeyExchangeFactory> dhToKex) {
        manager.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, KEX, dhToKex));
        manager.setCipherFactories(NamedFactory.setUpBuiltinFactories(false, CIPHERS).stream()
                .<NamedFactory<Cipher>>map(c -> c).toList());
        manager.setMacFactories(NamedFactory.setUpBuiltinFactories(false, MACS).stream()
                .<NamedFactory<Mac>>map(m -> m).toList());
        manager.setSignatureFactories(NamedFactory.setUpBuiltinFactories(false, SIGNATURES).stream()
                .<NamedFactory<Signature>>map(s -> s).toList());
    }
}
