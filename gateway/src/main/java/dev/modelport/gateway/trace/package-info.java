/**
 * A request's correlation identity (request id, W3C trace context) and how the gateway's log
 * lines about a request carry it.
 */
package dev.modelport.gateway.trace;
