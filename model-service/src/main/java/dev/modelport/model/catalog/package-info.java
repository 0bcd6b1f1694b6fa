/**
 * The model catalog, the control plane's records in PostgreSQL: models, their immutable versions (bytes by sha256,
 * signature) and each model's rollout, changed in one transaction with their audit record and change notification.
 * Named catalog, not registry, so it is not mistaken for the Eureka server ({@code dev.modelport.registry}).
 */
package dev.modelport.model.catalog;
