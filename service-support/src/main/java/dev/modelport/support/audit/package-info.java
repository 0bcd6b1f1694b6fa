/**
 * The platform's audit trail: who changed what, when, with before and after, in PostgreSQL.
 * A record commits or rolls back with the change it describes.
 */
package dev.modelport.support.audit;
