package dev.modelport.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a call authenticates: HTTP Basic (a user or an OAuth client and its secret) or a bearer token. */
public sealed interface Authorization {

    /** The {@code Authorization} header's value. */
    String header();

    /** What the service refused, for a 401: which credential to check. */
    String refusal();

    /**
     * @param who e.g. {@code the infrastructure user 'modelport'} or {@code client 'modelport-cli'}
     */
    record Basic(String user, Secret password, String who) implements Authorization {

        public static Basic client(String clientId, Secret secret) {
            return new Basic(clientId, secret, "client '" + clientId + "'");
        }

        @Override
        public String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password.value()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String refusal() {
            return "refused " + who + ": check " + password;
        }

        @Override
        public String toString() {
            return "Basic " + user + ":" + password;
        }
    }

    /** @param holder whose token it is, e.g. {@code client 'modelport-cli'} */
    record Bearer(String token, String holder) implements Authorization {

        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public String refusal() {
            return "refused the token of " + holder + " (expired, or signed with a key it no longer trusts)";
        }

        @Override
        public String toString() {
            return "Bearer token of " + holder;
        }
    }
}
