/**
 * Who may call model-service: the resource server's JWT rules per route (scopes, the V2 error shape on failure)
 * and the cache of tokens already verified, shared by REST and gRPC (docs/adr/0005).
 */
package dev.modelport.model.security;
