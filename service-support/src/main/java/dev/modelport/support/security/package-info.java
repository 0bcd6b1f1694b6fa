/**
 * What the services' token checks share: a token's reach (scopes and model list), the scope
 * names, the security log line of a refused call, and the memory of tokens that already passed.
 */
package dev.modelport.support.security;
