package dev.modelport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin console in a real browser against the real stack: sign in at auth-service,
 * create a model and upload a version built by this test ({@link LinearScorer}), promote it,
 * try it, create an API client and call the model with its secret, watch the request counted,
 * sign out. Each page is saved to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class ConsoleIT {

    private static final String CONSOLE = "http://localhost:8090";
    private static final String MODEL = "console-e2e";
    /** A row of the metrics summary: the version, then its total requests. */
    private static final Pattern VERSION_ONE_ROW = Pattern.compile("\\bv1 (\\d+) ");

    private final Platform platform = Platform.fromSystemProperties();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path screenshots = Path.of("target/screenshots").toAbsolutePath();
    private Map<String, String> credentials;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String clientId;
    private String clientSecret;
    private long requestsBefore;

    @BeforeAll
    void upAndOpenBrowser() throws Exception {
        // reuses the stack an earlier class left running (StackShutdown stops it at the end)
        platform.up(2);
        credentials = platform.credentials();
        Files.createDirectories(screenshots);

        browser = HeadlessChromium.open("ConsoleIT");
        wait = new WebDriverWait(browser, Duration.ofSeconds(45));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void signInWhenAdminCredentialsAtAuthServiceThenConsoleShowsModels() throws Exception {
        browser.get(CONSOLE + "/");
        wait.until(ExpectedConditions.urlContains(":9000/login"));
        screenshot("01-auth-service-sign-in");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(credentials.get("MODELPORT_ADMIN_PASSWORD"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains(":8090"));
        waitForText("iris");
        assertThat(pageText()).contains("Models", "admin", "Sign out");
        screenshot("02-models");
    }

    @Test
    @Order(2)
    void uploadWhenOnnxFileDroppedInThenNewVersionAndItsSignatureShown() throws Exception {
        click(button("New model"));
        type(field("vaadin-text-field", "Name"), MODEL);
        type(field("vaadin-text-field", "Tags"), "e2e, tabular");
        click(button("Create"));
        wait.until(ExpectedConditions.urlContains("/models/" + MODEL));

        click(tab("Upload"));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
        WebElement input = (WebElement) js().executeScript(
                "const u = arguments[0]; return u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", upload);
        assertThat(input).as("the upload's file input").isNotNull();
        Path model = Files.createTempDirectory("console-it").resolve(MODEL + ".onnx");
        Files.write(model, LinearScorer.onnx());
        input.sendKeys(model.toString());

        waitForText("Uploaded v1");
        assertThat(pageText()).contains("features", "scores", "[-1, 4]", "[-1, 3]", "FP32");
        screenshot("03-upload-signature");

        click(tab("Versions"));
        waitForText("Signature of v1");
        screenshot("04-versions");
    }

    @Test
    @Order(3)
    void promoteWhenConfirmedThenProductionServesTheVersion() throws Exception {
        click(tab("Rollout"));
        choose(field("vaadin-select", "Version"), "v1");
        click(button("Promote to production"));
        waitForText("Resulting traffic: v1 100 %");
        screenshot("05-promote-confirm");
        click(button("Apply"));
        waitForText("Traffic now:");
        wait.until(driver -> pageText().contains("Traffic: v1 100 %"));
        screenshot("06-rollout");
        HttpResponse<String> stored = platform.get("http://localhost:8080/api/models/" + MODEL, null, adminApiToken());
        assertThat(json.readTree(stored.body()).path("rollout").path("production").asInt()).as(stored.body()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void tryItWhenSentThenOutputsAndLatencyShown() throws Exception {
        click(tab("Try it"));
        click(button("Send"));
        waitForText("v1 answered in");
        screenshot("07-try-it");
        assertThat(pageText()).contains("scores", "[1, 3]");
    }

    @Test
    @Order(5)
    void createClientWhenSecretShownThenItGetsATokenAndCallsTheModel() throws Exception {
        browser.get(CONSOLE + "/clients");
        click(wait.until(ExpectedConditions.elementToBeClickable(button("New client"))));
        type(field("vaadin-text-field", "Name"), "console e2e");
        click(button("Create"));
        waitForText("only time the secret is shown");
        clientId = value(field("vaadin-text-field", "Client ID"));
        clientSecret = value(field("vaadin-text-field", "Client secret"));
        screenshot("08-client-secret");
        click(button("Done"));
        screenshot("09-clients");

        HttpResponse<String> token = platform.postForm("http://localhost:9000/oauth2/token",
                clientId + ":" + clientSecret, "grant_type=client_credentials");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = json.readTree(token.body()).path("access_token").asString();
        requestsBefore = servedByVersionOne();
        float[] features = {1.4f, 0.2f, 5.1f, 3.5f};
        HttpResponse<String> infer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/v2/models/" + MODEL + "/infer"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[1.4,0.2,5.1,3.5]}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(infer.statusCode()).as(infer.body()).isEqualTo(200);
        // the promoted version, the model this test built, answers: its scores, not another model's
        JsonNode answer = json.readTree(infer.body());
        assertThat(answer.path("model_version").asString()).isEqualTo("1");
        JsonNode scores = answer.path("outputs").get(0).path("data");
        double[] expected = LinearScorer.scores(features);
        for (int i = 0; i < expected.length; i++) {
            assertThat(scores.get(i).asDouble()).as("score %d", i).isCloseTo(expected[i], offset(1e-4));
        }
    }

    @Test
    @Order(6)
    void metricsWhenRequestsServedThenCountedPerVersion() throws Exception {
        browser.get(CONSOLE + "/metrics");
        waitForText("Requests (total)");
        screenshot("10-metrics");
        choose(field("vaadin-select", "Model"), MODEL);
        assertThat(servedByVersionOne()).as("the API counts the client's call").isGreaterThan(requestsBefore);
        // the page shows the same count for v1 of this model: Try it's call and the client's, at least
        wait.until(driver -> shownForVersionOne() > requestsBefore);
        // the charts come from the server's last 15 minutes, so they show the calls at once
        waitForText("Latency v1");
        assertThat(pageText()).contains("Requests per second", "Error rate", "Queue time", "Batch size", "p99");
        assertThat(browser.findElements(By.cssSelector("svg polyline, svg path, svg circle"))).as("chart lines").isNotEmpty();
        screenshot("10-metrics-counted");
    }

    @Test
    @Order(7)
    void workersAndAuditWhenOpenedThenShown() throws Exception {
        browser.get(CONSOLE + "/workers");
        waitForText("localhost:8081");
        wait.until(driver -> pageText().contains(MODEL + " v1"));
        assertThat(pageText()).contains("UP");
        screenshot("11-workers");
        browser.get(CONSOLE + "/audit");
        wait.until(driver -> pageText().contains("rollout.changed"));
        screenshot("12-audit");
    }

    @Test
    @Order(8)
    void signOutWhenClickedThenConsoleAndAuthServiceSessionsEnd() throws Exception {
        browser.get(CONSOLE + "/");
        click(wait.until(ExpectedConditions.elementToBeClickable(button("Sign out"))));
        wait.until(ExpectedConditions.urlContains(":9000"));
        screenshot("13-signed-out");

        browser.get(CONSOLE + "/");
        wait.until(ExpectedConditions.urlContains(":9000/login"));
        assertThat(browser.findElements(By.id("password"))).as("asked for the password again").isNotEmpty();
    }

    /** Requests v1 of the test's model served, as the metrics API counts them (all workers). */
    private long servedByVersionOne() throws Exception {
        HttpResponse<String> metrics = platform.get("http://localhost:8080/api/models/" + MODEL + "/metrics", null, adminApiToken());
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        for (JsonNode version : json.readTree(metrics.body()).path("versions")) {
            if (version.path("version").asInt() == 1) {
                return version.path("requests").asLong();
            }
        }
        return 0;
    }

    /** The "Requests (total)" the metrics page shows for v1, or -1 before it shows a row. */
    private long shownForVersionOne() {
        Matcher row = VERSION_ONE_ROW.matcher(pageText());
        return row.find() ? Long.parseLong(row.group(1)) : -1;
    }

    /** Picks an item of a vaadin-select; the overlay may open before the server has sent the items. */
    private void choose(WebElement select, String item) {
        By option = By.xpath("//vaadin-select-item[normalize-space()='" + item + "']");
        wait.until(driver -> {
            js().executeScript("arguments[0].opened = true", select);
            return !driver.findElements(option).isEmpty();
        });
        click(wait.until(ExpectedConditions.elementToBeClickable(option)));
    }

    private String adminApiToken() throws Exception {
        HttpResponse<String> token = platform.postForm("http://localhost:9000/oauth2/token",
                "modelport-cli:" + credentials.get("MODELPORT_CLI_SECRET"), "grant_type=client_credentials");
        return json.readTree(token.body()).path("access_token").asString();
    }

    private By button(String text) {
        return By.xpath("//vaadin-button[normalize-space()='" + text + "']");
    }

    private By tab(String text) {
        return By.xpath("//vaadin-tab[normalize-space()='" + text + "']");
    }

    private WebElement field(String tag, String label) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//" + tag + "[.//label[normalize-space()='" + label + "'] or @label='" + label + "']")));
    }

    private void click(By locator) {
        click(wait.until(ExpectedConditions.elementToBeClickable(locator)));
    }

    private void click(WebElement element) {
        js().executeScript("arguments[0].click()", element);
    }

    private void type(WebElement field, String text) {
        WebElement input = field.findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(text);
        js().executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input);
    }

    private String value(WebElement field) {
        return (String) js().executeScript("return arguments[0].value", field);
    }

    private void waitForText(String text) throws Exception {
        try {
            wait.until(driver -> pageText().contains(text));
        } catch (org.openqa.selenium.TimeoutException missing) {
            screenshot("failed-waiting-for-" + text.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("'" + text + "' did not appear on " + browser.getCurrentUrl() + ":\n" + pageText(), missing);
        }
    }

    /** Text of the page including what Vaadin renders in shadow roots and overlays. */
    private String pageText() {
        return (String) js().executeScript("""
                const texts = [];
                const walk = node => {
                  if (node.nodeType === Node.TEXT_NODE) { texts.push(node.textContent); return; }
                  if (node.shadowRoot) { walk(node.shadowRoot); }
                  node.childNodes.forEach(walk);
                  if (node.value && typeof node.value === 'string' && node.tagName === 'TEXTAREA') { texts.push(node.value); }
                };
                walk(document.body);
                return texts.join(' ').replace(/\\s+/g, ' ');
                """);
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private void screenshot(String name) throws Exception {
        Thread.sleep(400);
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
