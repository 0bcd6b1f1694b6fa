/**
 * What the services' token checks share: a token's reach (scopes and model list), the scope
 * names, the security log line of a refused call, and the memory of tokens that already passed.
 * Null-marked: NullAway (in every compile) proves nothing here hands out or dereferences a null
 * a signature does not admit.
 */
@NullMarked
package dev.modelport.support.security;

import org.jspecify.annotations.NullMarked;
