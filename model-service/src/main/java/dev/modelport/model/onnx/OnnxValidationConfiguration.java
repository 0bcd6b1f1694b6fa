package dev.modelport.model.onnx;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the validation settings; the application class does not scan for properties records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValidationProperties.class)
class OnnxValidationConfiguration {
}
