/**
 * {@code /encrypt} and {@code /decrypt} for {@code {cipher}} values in the config repo: the
 * endpoints are Spring Cloud Config's; this package makes a missing key 404 and bad input 400, not 500.
 */
package dev.modelport.config.encryption;
