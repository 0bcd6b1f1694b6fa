package dev.modelport.auth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The published keys, newest first: the current one (which signs) and the previous one
 * (which still verifies tokens it signed before the last rotation). Read from the database on
 * every call so all instances agree on the current key as soon as any of them rotates;
 * only decrypted keys are cached, by kid, since a kid's key never changes.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    /** The current key and the one before it. */
    static final int PUBLISHED = 2;

    private final SigningKeyStore store;
    private final KeyCipher cipher;
    private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

    SigningKeys(SigningKeyStore store, KeyCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(published()));
    }

    List<JWK> published() {
        List<SigningKeyStore.StoredKey> newest = store.newest(PUBLISHED);
        decrypted.keySet().retainAll(newest.stream().map(SigningKeyStore.StoredKey::kid).toList());
        return newest.stream().<JWK>map(key -> decrypted.computeIfAbsent(key.kid(), kid -> toJwk(key))).toList();
    }

    private RSAKey toJwk(SigningKeyStore.StoredKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(key.publicKey()));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(cipher.open(key.kid(), key.privateKey())));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(key.createdAt()))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " in the database is not an RSA key pair", e);
        }
    }
}
