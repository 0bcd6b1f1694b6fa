package dev.modelport.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a service answered to a request: status and body, read as JSON on demand. */
public record ApiResponse(ApiRequest request, int status, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BODY_SHOWN = 200;

    public boolean is(int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return true;
            }
        }
        return false;
    }

    /** The body as JSON; a {@link PlatformException} naming the call when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new PlatformException(request.endpoint().service() + " answered " + request.describe()
                    + " with something that is not JSON: " + excerpt(), status, e);
        }
    }

    /** This answer when its status is one of {@code statuses}; otherwise a {@link PlatformException} that says why. */
    public ApiResponse expect(int... statuses) {
        if (is(statuses)) {
            return this;
        }
        String service = request.endpoint().service();
        if (status == 401 && request.authorization() != null) {
            throw new PlatformException(service + " " + request.authorization().refusal() + " (401 to " + request.describe() + ")",
                    status);
        }
        throw new PlatformException(service + " answered " + status + " to " + request.describe()
                + (body.isBlank() ? "" : ": " + excerpt()), status);
    }

    /** At most the first 200 characters of the body, on one line, for messages. */
    public String excerpt() {
        String line = body.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= BODY_SHOWN ? line : line.substring(0, BODY_SHOWN) + "...";
    }
}
