/**
 * The commands {@code bin/platform} delegates to Java: {@code refresh}, {@code encrypt},
 * {@code has-model} and {@code deploy} (the demo's install). Secrets come from the environment or
 * the credentials file, never from the command line; bash keeps process control.
 */
package dev.modelport.cli;
