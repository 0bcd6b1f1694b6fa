package dev.modelport.auth.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys with AES-256-GCM under a key derived from the configured secret
 * (PBKDF2-HMAC-SHA256, a fresh salt per key). The kid is bound in as associated data.
 */
final class KeyCipher {

    /** A sealed value and what is needed to open it again. */
    record Sealed(byte[] salt, byte[] iv, byte[] ciphertext) {
    }

    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final char[] secret;
    private final SecureRandom random = new SecureRandom();

    KeyCipher(String secret) {
        this.secret = secret.toCharArray();
    }

    Sealed seal(String kid, byte[] plaintext) {
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] iv = randomBytes(IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, salt, iv);
            return new Sealed(salt, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    byte[] open(String kid, Sealed sealed) {
        try {
            return cipher(Cipher.DECRYPT_MODE, kid, sealed.salt(), sealed.iv()).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + kid
                    + ": MODELPORT_KEY_ENCRYPTION_SECRET differs from the one it was encrypted with", e);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] salt, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, derive(salt), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey derive(byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, ITERATIONS, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
