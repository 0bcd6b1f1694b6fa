package dev.modelport.auth.web;

import dev.modelport.auth.keys.KeyRotation;
import dev.modelport.support.security.Reach;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/keys/rotate}: a new signing key now (e.g. after a suspected leak). The keys sign
 * every token, so only a platform admin may rotate them.
 */
@RestController
class KeysController {

    private final KeyRotation rotation;

    KeysController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/keys/rotate")
    Map<String, String> rotate(@AuthenticationPrincipal Jwt caller) {
        Reach.of(caller).requirePlatformAdmin("rotating the signing keys");
        return Map.of("kid", rotation.rotate(caller.getSubject()));
    }
}
