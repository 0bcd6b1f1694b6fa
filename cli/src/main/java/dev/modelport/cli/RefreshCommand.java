package dev.modelport.cli;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Endpoint;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.PlatformException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reloads committed config in every running instance: one {@code POST /actuator/busrefresh} to
 * config-server when the platform runs with the bus, otherwise each instance's
 * {@code /actuator/refresh}; either way one line per instance saying what changed, from the
 * refresh count and changed keys service-support shows under {@code config} in {@code /actuator/info}.
 */
final class RefreshCommand {

    /** A running service as bin/platform knows it: its name (e.g. model-service-2), jar module and port. */
    record Instance(String name, String module, int port) {

        static Instance parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || !parts[2].matches("[0-9]{1,5}")) {
                throw new UsageException("an instance is NAME:MODULE:PORT, e.g. gateway:gateway:8080, not '" + text + "'");
            }
            return new Instance(parts[0], parts[1], Integer.parseInt(parts[2]));
        }

        Endpoint endpoint() {
            return Endpoint.local(name, port);
        }
    }

    /** What {@code bin/platform up} started the services with: {@code off} or {@code rabbit HOST:PORT}. */
    record Bus(String setting) {

        static Bus parse(String setting) {
            if (setting.isBlank() || setting.equals("off")) {
                return new Bus("off");
            }
            if (!setting.matches("rabbit \\S+")) {
                throw new UsageException("--bus is 'off' or 'rabbit HOST:PORT', not '" + setting + "'");
            }
            return new Bus(setting);
        }

        boolean on() {
            return !setting.equals("off");
        }

        String address() {
            return setting.substring("rabbit ".length());
        }
    }

    record Arguments(Bus bus, List<Instance> instances) {

        static Arguments parse(List<String> args) {
            Bus bus = new Bus("off");
            List<Instance> instances = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--bus")) {
                    if (i + 1 == args.size()) {
                        throw new UsageException("--bus needs a value: off or 'rabbit HOST:PORT'");
                    }
                    bus = Bus.parse(args.get(++i));
                } else if (args.get(i).startsWith("-")) {
                    throw new UsageException("unknown option for refresh: " + args.get(i));
                } else {
                    instances.add(Instance.parse(args.get(i)));
                }
            }
            return new Arguments(bus, instances);
        }
    }

    /** An instance's {@code config} in {@code /actuator/info}. */
    private record RefreshState(long refreshes, List<String> changedKeys) {
    }

    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BUS_REFRESH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(30);

    private final PlatformClient client;
    private final Credentials credentials;
    private final RefreshReport report;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration timeout;

    RefreshCommand(PlatformClient client, Credentials credentials, PrintStream out, Clock clock, Duration pollInterval,
                   Duration timeout) {
        this.client = client;
        this.credentials = credentials;
        this.report = new RefreshReport(out);
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** @return 0 when every instance confirmed its refresh, 1 otherwise */
    int run(Arguments arguments) {
        // the registry takes no config from the config server, and without the bus the config
        // server has nothing to reload: it serves each commit as it is
        List<Instance> targets = arguments.instances().stream()
                .filter(instance -> !instance.module().equals("registry"))
                .filter(instance -> arguments.bus().on() || !instance.module().equals("config-server"))
                .toList();
        if (targets.isEmpty()) {
            throw new PlatformException("no service is running; start the platform with bin/platform up", 0);
        }
        Authorization.Basic infra = credentials.infrastructureUser();
        return arguments.bus().on() ? viaBus(arguments.bus(), targets, infra) : oneByOne(targets, infra);
    }

    private int viaBus(Bus bus, List<Instance> targets, Authorization.Basic infra) {
        Instance configServer = targets.stream().filter(instance -> instance.module().equals("config-server")).findFirst()
                .orElseThrow(() -> new PlatformException("config-server is not running; it sends the bus refresh", 0));
        Map<Instance, Long> before = new HashMap<>();
        for (Instance instance : targets) {
            refreshState(instance, infra).ifPresent(state -> before.put(instance, state.refreshes()));
        }
        client.send(ApiRequest.post(configServer.endpoint(), "/actuator/busrefresh").as(infra).timeout(BUS_REFRESH_TIMEOUT))
                .expect(200, 204);
        report.viaBus(bus.address());
        List<Instance> pending = new ArrayList<>(targets);
        Instant deadline = clock.instant().plus(timeout);
        while (!pending.isEmpty() && clock.instant().isBefore(deadline)) {
            pending.removeIf(instance -> {
                Optional<RefreshState> now = refreshState(instance, infra);
                boolean refreshed = now.isPresent() && before.containsKey(instance) && now.get().refreshes() > before.get(instance);
                if (refreshed) {
                    report.refreshed(instance, now.get().changedKeys());
                }
                return refreshed;
            });
            if (!pending.isEmpty()) {
                pause();
            }
        }
        pending.forEach(instance -> report.notSeen(instance, timeout.toSeconds()));
        return pending.isEmpty() ? 0 : 1;
    }

    private int oneByOne(List<Instance> targets, Authorization.Basic infra) {
        report.oneByOne();
        int failed = 0;
        for (Instance instance : targets) {
            try {
                JsonNode keys = client.json(ApiRequest.post(instance.endpoint(), "/actuator/refresh").as(infra)
                        .timeout(REFRESH_TIMEOUT), 200);
                report.refreshed(instance, keys(keys, instance, "/actuator/refresh"));
            } catch (PlatformException e) {
                report.failed(instance, e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * The instance's refresh count and last changed keys; empty when it does not tell (down, or
     * not a service-support service). A refused infrastructure password stops the command: every
     * other instance would refuse it too.
     */
    private Optional<RefreshState> refreshState(Instance instance, Authorization.Basic infra) {
        try {
            JsonNode config = client.json(ApiRequest.get(instance.endpoint(), "/actuator/info").as(infra).timeout(INFO_TIMEOUT), 200)
                    .path("config");
            if (!config.path("refreshes").isNumber()) {
                return Optional.empty();
            }
            JsonNode changed = config.path("changedKeys");
            return Optional.of(new RefreshState(config.path("refreshes").asLong(),
                    changed.isMissingNode() ? List.of() : keys(changed, instance, "/actuator/info")));
        } catch (PlatformException e) {
            if (e.status() == 401) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static List<String> keys(JsonNode array, Instance instance, String path) {
        if (!array.isArray()) {
            throw new PlatformException(instance.name() + " answered " + path + " with " + array + " instead of a list of keys", 200);
        }
        List<String> keys = new ArrayList<>();
        array.forEach(key -> keys.add(key.asString()));
        return keys;
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for the refresh", 0, e);
        }
    }
}
