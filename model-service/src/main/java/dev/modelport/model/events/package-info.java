/**
 * How every model-service instance hears of catalog changes: PostgreSQL {@code NOTIFY} sent inside the changing
 * transaction, turned into {@code RegistryChanged} application events, with a periodic reconcile (docs/adr/0004).
 */
package dev.modelport.model.events;
