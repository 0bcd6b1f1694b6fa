package dev.modelport.config.encryption;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.config.server.encryption.EncryptionController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What Spring Cloud Config's {@code /encrypt} and {@code /decrypt} answer with 500 but are not
 * server faults: no key configured (its fail-safe encryptor refuses) is 404, as the controller's
 * own "no key" answer; text that is not one of our ciphers (too short, not hex) makes the AES
 * decryptor throw index or format errors: 400. Both with a JSON error. Errors the controller maps
 * itself (wrong key) keep its answers.
 */
@RestControllerAdvice(assignableTypes = EncryptionController.class)
class EncryptionErrors {

    private static final Logger log = LoggerFactory.getLogger(EncryptionErrors.class);

    @ExceptionHandler(UnsupportedOperationException.class)
    ResponseEntity<Map<String, String>> noKey(UnsupportedOperationException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error",
                "no encryption key is installed: set MODELPORT_CONFIG_ENCRYPT_KEY (or ENCRYPT_KEY) and restart the config server"));
    }

    @ExceptionHandler({IndexOutOfBoundsException.class, IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<Map<String, String>> notOurCipher(RuntimeException e) {
        log.debug("refused to decrypt: {}", e.toString());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("error", "cannot decrypt: not a cipher made with this config server's key"
                        + " (send the text after {cipher})"));
    }
}
