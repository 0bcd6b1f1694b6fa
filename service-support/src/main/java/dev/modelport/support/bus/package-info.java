/**
 * Whether this service joins Spring Cloud Bus (RabbitMQ): on only where RabbitMQ is configured,
 * so a bare machine runs without it. A bus refresh reaches every instance at once.
 */
package dev.modelport.support.bus;
