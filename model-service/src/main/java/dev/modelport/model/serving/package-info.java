/**
 * Whether this worker takes traffic: readiness (accepting, database answering, first sync done) and the drain on
 * SIGTERM that leaves Eureka and reports not-ready before the web server and batch queues stop.
 */
package dev.modelport.model.serving;
