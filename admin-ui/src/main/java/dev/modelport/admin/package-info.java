/**
 * admin-ui: the Vaadin console admins run ModelPort from. Owns no data: every view calls the
 * gateway with the logged-in admin's token; features: models, clients, metrics, workers, audit, security, platform.
 */
package dev.modelport.admin;
