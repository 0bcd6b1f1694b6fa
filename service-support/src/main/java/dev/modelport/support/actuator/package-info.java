/**
 * Who may read actuator endpoints beyond health: the infrastructure user (Prometheus scrapes,
 * operators), with {@code MODELPORT_INFRA_PASSWORD}. Every servlet service shares this rule; the
 * gateway's reactive chain checks the password with the same {@link dev.modelport.support.actuator.InfraLogin}.
 */
package dev.modelport.support.actuator;
