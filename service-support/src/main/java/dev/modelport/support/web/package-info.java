/**
 * What every servlet service answers when a request fails: {@code {"error": "..."}} with the right
 * status, for the framework's own failures too (no Boot default error body on an API route).
 */
package dev.modelport.support.web;
