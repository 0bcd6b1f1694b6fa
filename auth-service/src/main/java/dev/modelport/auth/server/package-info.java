/**
 * The authorization server itself: its filter chains (OAuth2 endpoints, the management API as
 * a resource server, the admin login form), token lifetimes and the JWT decoder.
 */
package dev.modelport.auth.server;
