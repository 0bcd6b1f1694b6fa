package dev.modelport.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request body limits: {@code default-size} for every route; a route overrides it with its
 * {@code max-body-size} metadata (model uploads use {@code upload}).
 */
@Validated
@ConfigurationProperties("modelport.gateway.body-limits")
record BodyLimitProperties(@DefaultValue("8MB") DataSize defaultSize, @DefaultValue("512MB") DataSize upload) {
}
