/**
 * The admins who sign in to the console: stored in PostgreSQL with bcrypt hashes, bootstrapped
 * on first start, throttled after repeated failed logins, greeted by the ModelPort login page.
 */
package dev.modelport.auth.users;
