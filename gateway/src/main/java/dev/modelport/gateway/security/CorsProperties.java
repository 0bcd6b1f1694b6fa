package dev.modelport.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param allowedOrigins the browser origins that may call the API (the console's) */
@ConfigurationProperties("modelport.gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:8090") List<String> allowedOrigins) {
}
