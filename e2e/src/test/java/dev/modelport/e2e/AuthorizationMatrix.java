package dev.modelport.e2e;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may call what: one row per route of model-service and auth-service (plus a few variants of a
 * route with a second target or body), one column per kind of caller, and the exact status each cell
 * must answer. {@link AuthorizationMatrixIT} runs every cell against the real stack; this class only
 * holds the expectations and draws the table.
 */
final class AuthorizationMatrix {

    /** The columns: every kind of caller the reach rules tell apart. */
    enum Caller {
        NO_TOKEN("none"),
        EXPIRED("expired"),
        INFER_LIMITED("infer[a]"),
        READ_LIMITED("read[a]"),
        MODEL_ADMIN("admin[a,c]"),
        PLATFORM_ADMIN("platform"),
        OTHER_MODEL("admin[b]");

        final String column;

        Caller(String column) {
            this.column = column;
        }

        boolean modelLimited() {
            return this == INFER_LIMITED || this == READ_LIMITED || this == MODEL_ADMIN || this == OTHER_MODEL;
        }
    }

    /** A cell that is not run, with the reason printed under the table. */
    static final int NOT_RUN = -1;

    /** Sets up what one cell needs (as the platform admin) and returns the call to make. */
    @FunctionalInterface
    interface Setup {
        Call prepare() throws Exception;
    }

    /** The request of one cell, made with the cell's token (null: none). */
    @FunctionalInterface
    interface Call {
        java.net.http.HttpResponse<String> send(String token) throws Exception;
    }

    /**
     * One row.
     *
     * @param variant null for the route's main row; otherwise what differs (target or body)
     * @param listsSomething whether a 200 lists platform content, so a limited caller's answer must not mention
     *                       anything outside its reach
     */
    record Row(String method, String template, String variant, Setup setup, Map<Caller, Integer> expected,
               boolean listsSomething, String notRunBecause) {

        String route() {
            return method + " " + template;
        }

        String label() {
            return variant == null ? route() : route() + " [" + variant + "]";
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    /** What a cell answered. */
    record Cell(int expected, int actual) {

        boolean ok() {
            return expected == NOT_RUN || expected == actual;
        }

        @Override
        public String toString() {
            if (expected == NOT_RUN) {
                return "-";
            }
            return ok() ? String.valueOf(actual) : actual + "!=" + expected;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Map<Caller, Cell>> results = new LinkedHashMap<>();

    /** Expectations in column order: none, expired, infer[a], read[a], admin[a,c], platform, admin[b]. */
    static Map<Caller, Integer> expect(int... statuses) {
        if (statuses.length != Caller.values().length) {
            throw new IllegalArgumentException("one status per caller kind");
        }
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, statuses[caller.ordinal()]);
        }
        return expected;
    }

    /** A route that needs a valid token: no token and an expired one both answer 401. */
    static Map<Caller, Integer> withToken(int infer, int read, int modelAdmin, int platform, int otherModel) {
        return expect(401, 401, infer, read, modelAdmin, platform, otherModel);
    }

    void row(String method, String template, Setup setup, Map<Caller, Integer> expected) {
        rows.add(new Row(method, template, null, setup, expected, false, null));
    }

    void listing(String method, String template, Setup setup, Map<Caller, Integer> expected) {
        rows.add(new Row(method, template, null, setup, expected, true, null));
    }

    void variant(String method, String template, String variant, Setup setup, Map<Caller, Integer> expected,
                 String notRunBecause) {
        rows.add(new Row(method, template, variant, setup, expected, false, notRunBecause));
    }

    List<Row> rows() {
        return rows;
    }

    /** The routes the rows cover, as {@code METHOD /template}. */
    List<String> routes() {
        return rows.stream().map(Row::route).distinct().sorted().toList();
    }

    void record(Row row, Caller caller, int actual) {
        results.computeIfAbsent(row.label(), label -> new EnumMap<>(Caller.class))
                .put(caller, new Cell(row.expected().get(caller), actual));
    }

    long cellsRun() {
        return results.values().stream().flatMap(cells -> cells.values().stream())
                .filter(cell -> cell.expected() != NOT_RUN).count();
    }

    /** The table: a row per route and variant, a column per caller kind; a wrong cell shows actual!=expected. */
    String table() {
        int width = rows.stream().mapToInt(row -> row.label().length()).max().orElse(10);
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-" + width + "s", "route"));
        for (Caller caller : Caller.values()) {
            table.append(String.format(" | %-10s", caller.column));
        }
        table.append('\n').append("-".repeat(width + Caller.values().length * 13)).append('\n');
        for (Row row : rows) {
            Map<Caller, Cell> cells = results.getOrDefault(row.label(), Map.of());
            table.append(String.format("%-" + width + "s", row.label()));
            for (Caller caller : Caller.values()) {
                Cell cell = cells.get(caller);
                table.append(String.format(" | %-10s", cell == null ? "?" : cell));
            }
            table.append('\n');
        }
        String notRun = rows.stream().filter(row -> row.notRunBecause() != null)
                .map(row -> "  - " + row.label() + ": " + row.notRunBecause()).collect(Collectors.joining("\n"));
        if (!notRun.isEmpty()) {
            table.append("cells marked - are not run:\n").append(notRun).append('\n');
        }
        return table.toString();
    }
}
