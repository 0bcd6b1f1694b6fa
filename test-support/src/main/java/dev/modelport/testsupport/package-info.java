/**
 * test-support: what every module's tests share: the architecture rules of STYLE.md, a PostgreSQL
 * for integration tests (local, else embedded) and tokens signed like auth-service's.
 */
package dev.modelport.testsupport;
