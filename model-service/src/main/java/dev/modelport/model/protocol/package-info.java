/**
 * The Open Inference Protocol (KServe V2) REST wire format: decodes JSON and binary-extension requests into
 * {@code inference} types and encodes results, streaming, with limits checked before anything is allocated.
 */
package dev.modelport.model.protocol;
