/**
 * Token signing keys: RSA pairs kept in PostgreSQL with the private half encrypted, rotated on
 * a schedule and on demand, the current and previous one published as the JWKS.
 */
package dev.modelport.auth.keys;
