/**
 * The cluster view from any one instance: which versions every worker has loaded (through Eureka metadata) and a
 * model's metrics added up over all workers from their raw buckets.
 */
package dev.modelport.model.workers;
