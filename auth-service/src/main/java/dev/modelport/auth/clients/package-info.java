/**
 * API clients: registered OAuth2 clients in PostgreSQL plus what ModelPort adds (name, model
 * allowlist, rate-limit tier, revocation), their management, bootstrap and token claims.
 */
package dev.modelport.auth.clients;
