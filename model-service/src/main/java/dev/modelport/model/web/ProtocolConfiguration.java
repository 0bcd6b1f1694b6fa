package dev.modelport.model.web;

import dev.modelport.model.inference.InferenceProperties;
import dev.modelport.model.protocol.DecodeLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decoder's limits come from the engine's: one element cap for the whole request path. */
@Configuration
class ProtocolConfiguration {

    private static final int MAX_INPUTS = 64;

    @Bean
    DecodeLimits decodeLimits(InferenceProperties inference) {
        return new DecodeLimits(inference.maxElementsPerRequest(), inference.maxElementsPerRequest(), MAX_INPUTS);
    }
}
