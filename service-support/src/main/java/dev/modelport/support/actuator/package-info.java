/**
 * Who may read actuator endpoints beyond health: the infrastructure user (Prometheus scrapes,
 * operators), with {@code MODELPORT_INFRA_PASSWORD}. Every servlet service shares this rule.
 */
package dev.modelport.support.actuator;
