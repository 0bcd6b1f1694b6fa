/**
 * Who may call what: auth-service's RS256 JWTs checked here (issuer, audience, lifetime, cached JWKS),
 * scope rules per route, the per-client model allowlist, CORS for the console, and the actuator's infra user.
 */
package dev.modelport.gateway.security;
