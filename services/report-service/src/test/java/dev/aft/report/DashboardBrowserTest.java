package dev.aft.report;

import static dev.aft.report.ReportTestSupport.awaitStatus;
import static dev.aft.report.ReportTestSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.plan.Condition;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (headless Chromium driven by playwright-core): the chart's bars and error bars,
 * the table's cells and the drill-down show the experiment's values, and a progress event published while the
 * page is open appears over SSE. Saves {@code target/dashboard.png}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = IsolationResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theDashboardShowsTheChartTheTableTheDrilldownAndLiveProgress() throws Exception {
        BrowserTools.ensureInstalled();
        Scenario scenario = new Scenario(41);
        publish(scenario.complete());
        awaitStatus(scenario.experimentId, "completed");
        String subject = "eval-icl-" + scenario.experimentId;
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/js/dashboard.cjs").toAbsolutePath().toString(),
                root.toString(), scenario.experimentId, subject, screenshot.toString()).redirectErrorStream(true);
        builder.environment().put("PLAYWRIGHT_DIR", BrowserTools.PLAYWRIGHT_DIR.toString());
        builder.environment().put("CHROMIUM", BrowserTools.CHROMIUM.toString());
        Process node = builder.start();
        List<String> output = new ArrayList<>();
        String result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("READY")) {
                    publish(scenario.progress(Stage.EVALUATION, subject, 7, 10));
                } else if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        } finally {
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        assertThat(result).as("the browser script's output:\n%s", String.join("\n", output)).isNotNull();
        JsonNode seen = new ObjectMapper().readTree(result);
        assertThat(seen.get("errors")).as("page errors").isEmpty();
        assertThat(seen.get("status").asText()).isEqualTo("completed");
        assertThat(seen.get("completeness").asText()).isEqualTo("10 completed, 0 failed, 0 missing of 10 expected");

        double zero = seen.at("/plot/zero").asDouble();
        double one = seen.at("/plot/one").asDouble();
        double plotHeight = zero - one;
        assertThat(seen.get("bars")).hasSize(Scenario.EVALUATED.size() * Scenario.SPLITS.size());
        for (String split : Scenario.SPLITS) {
            for (Condition condition : Scenario.EVALUATED) {
                JsonNode bar = find(seen.get("bars"), condition.wireName(), split);
                ReportTestSupport.Expected expected = ReportTestSupport.Expected.of(scenario.items.get(condition), split);
                assertThat(bar.get("height").asDouble()).isCloseTo(expected.acc() * plotHeight, within(0.01));
                JsonNode error = find(seen.get("errorBars"), condition.wireName(), split);
                assertThat(error.get("top").asDouble())
                        .isCloseTo(zero - Math.min(1, expected.acc() + expected.accStderr()) * plotHeight, within(0.01));
                assertThat(error.get("bottom").asDouble())
                        .isCloseTo(zero - Math.max(0, expected.acc() - expected.accStderr()) * plotHeight, within(0.01));
                assertThat(cell(seen, condition, split, "acc")).isEqualTo(
                        String.format(java.util.Locale.ROOT, "%.3f ± %.3f", expected.acc(), expected.accStderr()));
                assertThat(cell(seen, condition, split, "accNorm")).isEqualTo(
                        String.format(java.util.Locale.ROOT, "%.3f ± %.3f", expected.accNorm(), expected.accNormStderr()));
                assertThat(cell(seen, condition, split, "n")).isEqualTo(String.valueOf(expected.n()));
            }
        }

        for (Map.Entry<Condition, List<Scenario.Item>> entry : scenario.items.entrySet()) {
            String condition = entry.getKey().wireName();
            List<String> wrong = entry.getValue().stream().filter(i -> !i.correct()).map(Scenario.Item::id).toList();
            assertThat(seen.at("/wrong/" + condition.replace("/", "~1") + "/wrong").asInt()).isEqualTo(wrong.size());
            List<String> shown = new ArrayList<>();
            seen.get("wrongCells").forEach(c -> {
                if (c.get("condition").asText().equals(condition)) {
                    shown.add(c.get("item").asText());
                }
            });
            assertThat(shown).as("items %s got wrong", condition).containsExactlyInAnyOrderElementsOf(wrong);
        }

        JsonNode progress = null;
        for (JsonNode p : seen.get("progress")) {
            if (p.get("subject").asText().equals(subject)) {
                progress = p;
            }
        }
        assertThat(progress).as("the progress bar pushed over SSE").isNotNull();
        assertThat(progress.get("done").asInt()).isEqualTo(7);
        assertThat(progress.get("total").asInt()).isEqualTo(10);
        String width = progress.get("width").asText();   // the browser normalizes "70.0%" to "70%"
        assertThat(width).endsWith("%");
        assertThat(Double.parseDouble(width.substring(0, width.length() - 1))).isCloseTo(70.0, within(1e-9));
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static JsonNode find(JsonNode array, String condition, String split) {
        for (JsonNode node : array) {
            if (node.get("condition").asText().equals(condition) && node.get("split").asText().equals(split)) {
                return node;
            }
        }
        throw new AssertionError("nothing shown for " + condition + " on " + split);
    }

    private static String cell(JsonNode seen, Condition condition, String split, String metric) {
        for (JsonNode cell : seen.get("cells")) {
            if (cell.get("condition").asText().equals(condition.wireName()) && cell.get("split").asText().equals(split)
                    && cell.get("metric").asText().equals(metric)) {
                return cell.get("text").asText();
            }
        }
        throw new AssertionError("no table cell " + condition.wireName() + "/" + split + "/" + metric);
    }
}
