/**
 * The HTTP adapter: V2 REST (health, metadata, infer) and the management API (models, versions, rollout, metrics,
 * audit), with one advice mapping every failure to {@code {"error": "..."}}. Thin: the work is the engine's and
 * the catalog's.
 */
package dev.modelport.model.web;
