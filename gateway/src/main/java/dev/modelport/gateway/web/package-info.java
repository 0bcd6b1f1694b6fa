/**
 * What the gateway answers itself: JSON errors with the right status, and body size limits (413)
 * enforced before a body reaches a worker.
 */
package dev.modelport.gateway.web;
