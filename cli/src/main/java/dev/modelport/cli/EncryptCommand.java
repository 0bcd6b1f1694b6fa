package dev.modelport.cli;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.ApiResponse;
import dev.modelport.client.Credentials;
import dev.modelport.client.Endpoint;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Prints {@code {cipher}...} for a config-repo/ value, encrypted by the running config server with its key. */
final class EncryptCommand {

    private final PlatformClient client;
    private final Credentials credentials;
    private final Endpoint configServer;
    private final PrintStream out;

    EncryptCommand(PlatformClient client, Credentials credentials, Endpoint configServer, PrintStream out) {
        this.client = client;
        this.credentials = credentials;
        this.configServer = configServer;
        this.out = out;
    }

    /** The value comes from {@code in} only: an argument would show in every process listing. */
    int run(List<String> args, InputStream in) {
        if (!args.isEmpty()) {
            throw new UsageException("encrypt reads the value from standard input, never from its arguments (ps shows those)");
        }
        String value = withoutTrailingNewlines(read(in));
        if (value.isEmpty()) {
            throw new PlatformException("nothing to encrypt", 0);
        }
        ApiResponse response = client.send(ApiRequest.post(configServer, "/encrypt").as(credentials.infrastructureUser()).text(value));
        if (response.status() == 404) {
            throw new PlatformException("config-server has no encryption key: set MODELPORT_CONFIG_ENCRYPT_KEY (or ENCRYPT_KEY)"
                    + " and restart it", 404);
        }
        String cipher = withoutTrailingNewlines(response.expect(200).body());
        if (cipher.isEmpty()) {
            throw new PlatformException("config-server answered " + response.request().describe() + " with an empty cipher", 200);
        }
        out.println("{cipher}" + cipher);
        return 0;
    }

    /** As the shell's {@code $(cat)} reads a value: {@code encrypt < file} does not encrypt the file's last newline. */
    static String withoutTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the value from standard input", e);
        }
    }
}
