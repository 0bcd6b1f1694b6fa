package dev.modelport.auth.clients;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates client ids ({@code mp-} and 16 hex digits) and 256-bit client secrets. */
final class ClientCredentials {

    private final SecureRandom random = new SecureRandom();

    String newClientId() {
        return "mp-" + HexFormat.of().formatHex(bytes(8));
    }

    String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
