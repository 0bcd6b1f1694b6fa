package dev.modelport.support.actuator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/**
 * Checks an HTTP Basic login as the infrastructure user, for the servlet chains and (through {@link #reactive()})
 * the gateway's. The password is a machine secret that lives in this process's environment, never in a store, so
 * a slow hash (bcrypt costs tens of milliseconds of CPU) would protect nothing while charging every scrape and
 * heartbeat. Instead the SHA-256 of the presented name and password is compared with that of the configured ones
 * with {@link MessageDigest#isEqual}, whose time does not depend on where they differ; both are always compared, so
 * the time does not tell a wrong name from a wrong password either. No salt: the digests sit next to the plain
 * password in this process, so there is nothing a salt would protect.
 */
public final class InfraLogin implements AuthenticationManager {

    private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_" + InfraCredentials.ROLE));

    private final String username;
    private final byte[] usernameDigest;
    private final byte[] passwordDigest;

    InfraLogin(InfraCredentials infra) {
        this.username = infra.username();
        this.usernameDigest = sha256(infra.username());
        this.passwordDigest = sha256(infra.password());
    }

    /**
     * An authenticated login as the infrastructure user, without its credentials, when name and password match.
     *
     * @throws BadCredentialsException otherwise
     */
    @Override
    public Authentication authenticate(Authentication login) {
        if (!(login.getCredentials() instanceof String password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        boolean name = MessageDigest.isEqual(usernameDigest, sha256(login.getName()));
        boolean secret = MessageDigest.isEqual(passwordDigest, sha256(password));
        if (!(name & secret)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null, AUTHORITIES);
    }

    /** The same check for a reactive chain: it never blocks, so it runs on the calling thread. */
    public ReactiveAuthenticationManager reactive() {
        return login -> Mono.fromCallable(() -> authenticate(login));
    }

    private static byte[] sha256(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
