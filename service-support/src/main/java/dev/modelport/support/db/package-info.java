/** Database start-up that survives a database outage. */
package dev.modelport.support.db;
