/**
 * Whether this worker takes traffic: readiness (accepting, first sync done; the database is not asked) and the drain on
 * SIGTERM that leaves Eureka and reports not-ready before the web server and batch queues stop.
 */
package dev.modelport.model.serving;
