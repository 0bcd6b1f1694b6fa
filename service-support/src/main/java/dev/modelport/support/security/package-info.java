/**
 * Helpers the services' token checks share: the memory of tokens that already passed.
 */
package dev.modelport.support.security;
