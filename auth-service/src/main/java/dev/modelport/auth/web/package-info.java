/**
 * The management API (JSON, scope {@code models.admin}): API clients and signing-key rotation,
 * and the one place errors become {@code {"error": "..."}} bodies.
 */
package dev.modelport.auth.web;
