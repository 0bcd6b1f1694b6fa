/**
 * The one client for a running ModelPort: client_credentials tokens from auth-service, JSON
 * calls with a bearer token, actuator calls as the infrastructure user, and errors that name
 * the service, the URL, the status and the credential to check. Used by cli, bench and e2e.
 */
package dev.modelport.client;
