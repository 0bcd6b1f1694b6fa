/**
 * gateway: the one public entry. Owns JWT checks, lb:// routing through Eureka, per-client rate
 * limits, retries, circuit breakers, body limits and the access log; features below this package.
 */
package dev.modelport.gateway;
