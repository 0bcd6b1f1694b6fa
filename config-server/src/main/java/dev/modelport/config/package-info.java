/**
 * config-server: Spring Cloud Config over git (by default this repo's config-repo/), behind the
 * infrastructure user; owns {cipher} encryption of secrets and, with RabbitMQ, the bus refresh.
 */
package dev.modelport.config;
