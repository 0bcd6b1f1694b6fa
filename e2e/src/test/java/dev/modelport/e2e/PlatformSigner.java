package dev.modelport.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tokens with the key the running platform signs with, as only its operator could: the newest
 * row of {@code auth.signing_key} in the embedded PostgreSQL, opened with
 * {@code MODELPORT_KEY_ENCRYPTION_SECRET} from the launcher's credentials (AES-256-GCM under a
 * PBKDF2-HMAC-SHA256 key, the kid as associated data, as auth-service seals it). A token signed
 * here passes the signature check, so a test can build one that fails for exactly one other reason
 * (expired, wrong issuer, wrong audience).
 */
final class PlatformSigner {

    private static final String EMBEDDED_DB = "jdbc:postgresql://127.0.0.1:54329/modelport";
    private static final int PBKDF2_ITERATIONS = 210_000;

    private final String kid;
    private final PrivateKey key;

    private PlatformSigner(String kid, PrivateKey key) {
        this.kid = kid;
        this.key = key;
    }

    static PlatformSigner newestKey(String keyEncryptionSecret) throws Exception {
        try (Connection db = DriverManager.getConnection(EMBEDDED_DB, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT kid, private_key_encrypted, salt, iv FROM auth.signing_key ORDER BY id DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("auth-service has no signing key yet");
            }
            String kid = row.getString("kid");
            byte[] pkcs8 = open(keyEncryptionSecret, kid, row.getBytes("salt"), row.getBytes("iv"),
                    row.getBytes("private_key_encrypted"));
            return new PlatformSigner(kid, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        }
    }

    String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static byte[] open(String secret, String kid, byte[] salt, byte[] iv, byte[] sealed) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, PBKDF2_ITERATIONS, 256);
        byte[] aesKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed);
    }
}
