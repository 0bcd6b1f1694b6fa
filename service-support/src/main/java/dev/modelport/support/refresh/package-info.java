/**
 * Makes configuration refreshes visible per instance ({@code /actuator/info} → {@code config}):
 * how many, the last one's time and the keys it changed.
 */
package dev.modelport.support.refresh;
