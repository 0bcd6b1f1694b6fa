package dev.modelport.auth.users;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username/password login with throttling. The password is always checked, also for a
 * locked user, and a locked user gets the very error a wrong password gets, so neither the
 * answer nor its timing tells an attacker that the account is locked. Every attempt, and the
 * failure that locks a user, is an audit record ({@link SignIns}).
 */
public final class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final FailedLogins failedLogins;
    private final SignIns signIns;

    public ThrottledLogin(AdminUsers users, FailedLogins failedLogins, SignIns signIns, PasswordEncoder encoder) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.failedLogins = failedLogins;
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        boolean locked = failedLogins.isLocked(username);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            signIns.failed(authentication, "bad credentials");
            if (!locked) {
                Optional<Instant> lockedUntil = failedLogins.recordFailure(username);
                lockedUntil.ifPresent(until -> signIns.lockedOut(authentication, until));
            }
            throw e;
        } catch (AuthenticationException e) {
            // disabled and the like: answered like a wrong password too
            signIns.failed(authentication, "disabled");
            throw badCredentials();
        }
        if (locked) {
            signIns.failed(authentication, "locked");
            throw badCredentials();
        }
        failedLogins.reset(username);
        signIns.succeeded(authentication);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static BadCredentialsException badCredentials() {
        return new BadCredentialsException("Bad credentials");
    }
}
