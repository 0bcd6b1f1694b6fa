/**
 * Model bytes: content-addressed chunks in PostgreSQL, this worker's sha256-verified copies on local disk, and the
 * spool an upload waits in while it is checked. No model ever sits whole in heap.
 */
package dev.modelport.model.storage;
