package dev.modelport.e2e.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL a Grafana dashboard runs and the metric names it reads: what the services'
 * {@code /actuator/prometheus} must expose for every panel to show data. Also compares those
 * names with a Prometheus text exposition ({@link #missing}).
 */
public final class DashboardQueries {

    static final String DASHBOARD = "monitoring/grafana/dashboards/modelport.json";

    /** One query of a panel: its PromQL and the legend it draws. */
    record Query(String expr, String legend) {
    }

    record Panel(String title, List<Query> queries) {

        Set<String> metricNames() {
            Set<String> names = new TreeSet<>();
            queries.forEach(query -> names.addAll(DashboardQueries.metricNames(query.expr())));
            return names;
        }
    }

    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    /** Grafana's template variables: ${name}, ${name:format}, $name, $__rate_interval. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    /** Label lists of aggregations and vector matching: by (le), on (job), group_left (reason)... */
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    /** Range and subquery selectors: [5m], [1h:30s]. */
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern MODIFIER = Pattern.compile(
            "\\boffset\\s+-?[0-9a-z]+|@\\s*(?:start\\s*\\(\\s*\\)|end\\s*\\(\\s*\\)|[0-9.]+)");
    /** A name not glued to a number (the e3 of 1e3, the x1f of 0x1f) or to another name. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    /** Grafana's variable query label_values(selector, label); the label is not a metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_]\\w*\\s*\\)\\s*$");
    private static final Pattern LABEL_VALUES_WITHOUT_METRIC = Pattern.compile("^\\s*label_values\\(\\s*[a-zA-Z_]\\w*\\s*\\)\\s*$");
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$");

    private final List<Panel> panels;
    private final List<String> variableQueries;

    private DashboardQueries(List<Panel> panels, List<String> variableQueries) {
        this.panels = panels;
        this.variableQueries = variableQueries;
    }

    /** The metric names the repository's dashboard queries that the given exposition does not carry. */
    public static Set<String> notExportedBy(String prometheusExposition) {
        return missing(read(Repository.file(DASHBOARD)).metricNames(), prometheusExposition);
    }

    static DashboardQueries read(Path file) {
        return parse(Repository.read(file));
    }

    static DashboardQueries parse(String json) {
        JsonNode dashboard = JsonMapper.builder().build().readTree(json);
        List<Panel> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        List<String> variableQueries = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                JsonNode query = variable.path("query");
                variableQueries.add(query.isObject() ? query.path("query").asString() : query.asString());
            }
        }
        return new DashboardQueries(panels, variableQueries);
    }

    /** Panels in order, those inside collapsed rows included; rows themselves run no query. */
    private static void collectPanels(JsonNode nodes, List<Panel> panels) {
        for (JsonNode panel : nodes) {
            List<Query> queries = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query(target.path("expr").asString(), target.path("legendFormat").asString("")));
                }
            }
            if (!queries.isEmpty()) {
                panels.add(new Panel(panel.path("title").asString(), List.copyOf(queries)));
            }
            collectPanels(panel.path("panels"), panels);
        }
    }

    List<Panel> panels() {
        return panels;
    }

    /** Every metric any panel or template variable reads. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        panels.forEach(panel -> names.addAll(panel.metricNames()));
        for (String query : variableQueries) {
            Matcher labelValues = LABEL_VALUES.matcher(query);
            Matcher queryResult = QUERY_RESULT.matcher(query);
            if (labelValues.matches()) {
                names.addAll(metricNames(labelValues.group(1)));
            } else if (queryResult.matches()) {
                names.addAll(metricNames(queryResult.group(1)));
            } else if (!LABEL_VALUES_WITHOUT_METRIC.matcher(query).matches()) {
                names.addAll(metricNames(query));
            }
        }
        return names;
    }

    /**
     * The metric names a PromQL expression selects: what is left once strings, template
     * variables, grouping label lists, label matchers, range selectors, offsets, numbers,
     * keywords and function names are taken away. {__name__="x"} selectors count as x.
     */
    static Set<String> metricNames(String promql) {
        Set<String> names = new TreeSet<>();
        NAME_MATCHER.matcher(promql).results().forEach(match -> names.add(match.group(1)));
        String rest = STRING.matcher(promql).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = MODIFIER.matcher(rest).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            boolean called = rest.substring(identifier.end()).stripLeading().startsWith("(");
            if (!called && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The dashboard's metric names a Prometheus text exposition (0.0.4 or OpenMetrics) does not
     * expose. Exposed are the sample names, and the series names each {@code # TYPE} line
     * promises even before a first sample: {@code _total} of a counter, {@code _bucket},
     * {@code _count} and {@code _sum} of a histogram, the name, {@code _count} and {@code _sum}
     * of a summary, the name of a gauge.
     */
    static Set<String> missing(Set<String> dashboardMetrics, String prometheusExposition) {
        Set<String> exposed = exposedNames(prometheusExposition);
        Set<String> missing = new TreeSet<>(dashboardMetrics);
        missing.removeAll(exposed);
        return missing;
    }

    static Set<String> exposedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.lines().map(String::strip).toList()) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split("\\s+");
                if (parts.length >= 4) {
                    names.addAll(seriesOf(parts[2], parts[3]));
                }
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                names.add(line.split("[\\s{]", 2)[0]);
            }
        }
        return names;
    }

    private static List<String> seriesOf(String family, String type) {
        return switch (type) {
            case "counter" -> List.of(family.endsWith("_total") ? family : family + "_total");
            case "histogram" -> List.of(family + "_bucket", family + "_count", family + "_sum");
            case "summary" -> List.of(family, family + "_count", family + "_sum");
            default -> List.of(family);
        };
    }
}
