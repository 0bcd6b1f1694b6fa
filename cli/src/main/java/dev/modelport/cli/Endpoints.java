package dev.modelport.cli;

import dev.modelport.client.Endpoint;
import java.util.Map;

/** Where the platform's public services answer: localhost by default, as bin/platform starts them. */
record Endpoints(Endpoint gateway, Endpoint auth, Endpoint configServer) {

    static Endpoints of(Map<String, String> environment) {
        return new Endpoints(Endpoint.of("gateway", environment.get("MODELPORT_GATEWAY_URL"), "http://localhost:8080"),
                Endpoint.of("auth-service", environment.get("MODELPORT_AUTH_URL"), "http://localhost:9000"),
                Endpoint.of("config-server", environment.get("MODELPORT_CONFIG_SERVER_URL"), "http://localhost:8888"));
    }
}
