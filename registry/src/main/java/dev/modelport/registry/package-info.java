/**
 * registry: the Eureka server every service registers with; the gateway and admin-ui discover
 * workers through it. Owns nothing else; basic auth with the infrastructure user.
 */
package dev.modelport.registry;
