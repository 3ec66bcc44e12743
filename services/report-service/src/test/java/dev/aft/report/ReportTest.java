package dev.aft.report;

import static dev.aft.report.ReportTestSupport.assertCostsFollowFromEvents;
import static dev.aft.report.ReportTestSupport.assertTableFollowsFromItems;
import static dev.aft.report.ReportTestSupport.awaitStatus;
import static dev.aft.report.ReportTestSupport.json;
import static dev.aft.report.ReportTestSupport.publish;
import static dev.aft.report.ReportTestSupport.reported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.ReportRow;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A whole experiment's events published to the real topics become its report: the table and gaps recomputed
 * here from the per-item scores, the cost from the events, CSV and Markdown carrying the same numbers, and one
 * {@code ExperimentReported} with the table and completeness.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = IsolationResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReportTest {

    @Test
    void aCompletedExperimentsReportFollowsFromItsEventsInAnyOrderAndIsPublishedOnce() {
        Scenario scenario = new Scenario(7);
        List<EventEnvelope<?>> events = new ArrayList<>(scenario.complete());
        Collections.shuffle(events, new Random(3));
        events.add(events.get(0));   // a redelivery changes nothing
        publish(events);

        JsonPath report = awaitStatus(scenario.experimentId, "completed");
        assertThat(report.getString("datasetId")).isEqualTo(scenario.datasetId);
        assertThat(report.getList("conditions")).containsExactly("pretrained", "icl", "ft", "ft+local", "ft+global");
        assertThat(report.getList("splits")).containsExactly("forward", "reversed");
        assertTableFollowsFromItems(report, scenario);
        assertCostsFollowFromEvents(report, scenario);
        assertThat(report.getInt("completeness.expected")).isEqualTo(10);
        assertThat(report.getInt("completeness.completed")).isEqualTo(10);
        assertThat(report.getList("completeness.missing")).isEmpty();
        assertThat(report.getList("stages.state")).containsOnly("completed").hasSize(10);

        List<ExperimentReported> published = reported(scenario.experimentId, 1, Duration.ofSeconds(3));
        assertThat(published).hasSize(1);
        ExperimentReported event = published.get(0);
        assertThat(event.completeness().complete()).isTrue();
        assertThat(event.completeness().failed()).isZero();
        List<Map<String, Object>> table = report.getList("table");
        assertThat(event.table()).hasSize(table.size());
        for (ReportRow row : event.table()) {
            Map<String, Object> cell = ReportTestSupport.cell(table, row.condition().wireName(), row.split());
            assertThat(row.acc()).isEqualTo(ReportTestSupport.num(cell, "acc"));
            assertThat(row.stderr()).isEqualTo(ReportTestSupport.num(cell, "accStderr"));
            assertThat(row.accNorm()).isEqualTo(ReportTestSupport.num(cell, "accNorm"));
            assertThat(row.n()).isEqualTo(((Number) cell.get("n")).intValue());
        }
        given().get("/experiments").then().statusCode(200);
        assertThat(json(given().get("/experiments").asString()).getList("findAll { it.experimentId == '"
                + scenario.experimentId + "' }.status")).containsExactly("completed");
    }

    @Test
    void csvAndMarkdownCarryTheNumbersOfTheJsonReport() {
        Scenario scenario = new Scenario(11);
        publish(scenario.complete());
        JsonPath report = awaitStatus(scenario.experimentId, "completed");
        List<Map<String, Object>> table = report.getList("table");
        List<Map<String, Object>> gaps = report.getList("gaps");
        String path = "/experiments/" + scenario.experimentId + "/report";

        String csv = given().accept("text/csv").get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(given().get(path + "?format=csv").asString()).isEqualTo(csv);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("kind,name,split,n,acc,acc_stderr,acc_norm,acc_norm_stderr,chance");
        assertThat(lines).hasSize(1 + table.size() + gaps.size());
        for (int i = 0; i < table.size(); i++) {
            String[] f = lines.get(1 + i).split(",", -1);
            Map<String, Object> cell = table.get(i);
            assertThat(f[0]).isEqualTo("result");
            assertThat(f[1]).isEqualTo(cell.get("condition"));
            assertThat(f[2]).isEqualTo(cell.get("split"));
            assertThat(Integer.parseInt(f[3])).isEqualTo(((Number) cell.get("n")).intValue());
            assertThat(Double.parseDouble(f[4])).isEqualTo(ReportTestSupport.num(cell, "acc"));
            assertThat(Double.parseDouble(f[5])).isEqualTo(ReportTestSupport.num(cell, "accStderr"));
            assertThat(Double.parseDouble(f[6])).isEqualTo(ReportTestSupport.num(cell, "accNorm"));
            assertThat(Double.parseDouble(f[7])).isEqualTo(ReportTestSupport.num(cell, "accNormStderr"));
            assertThat(Double.parseDouble(f[8])).isEqualTo(ReportTestSupport.num(cell, "chance"));
        }
        for (int i = 0; i < gaps.size(); i++) {
            String[] f = lines.get(1 + table.size() + i).split(",", -1);
            assertThat(f[0]).isEqualTo("gap");
            assertThat(f[1]).isEqualTo(gaps.get(i).get("name"));
            assertThat(Double.parseDouble(f[4])).isEqualTo(ReportTestSupport.num(gaps.get(i), "acc"));
            assertThat(Double.parseDouble(f[5])).isEqualTo(ReportTestSupport.num(gaps.get(i), "accStderr"));
        }

        String markdown = given().accept("text/markdown").get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/markdown")).extract().asString();
        assertThat(given().get(path + "?format=md").asString()).isEqualTo(markdown);
        List<String> rows = markdown.lines().filter(l -> l.matches("\\| [a-z+]+ \\| (forward|reversed) \\| \\d+ \\|.*"))
                .toList();
        assertThat(rows).hasSize(table.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split("\\|");
            Map<String, Object> cell = table.get(i);
            assertThat(f[1].trim()).isEqualTo(cell.get("condition"));
            assertThat(f[2].trim()).isEqualTo(cell.get("split"));
            double[] acc = plusMinus(f[4]);
            double[] accNorm = plusMinus(f[5]);
            assertThat(acc[0]).isCloseTo(ReportTestSupport.num(cell, "acc"), within(5e-4));
            assertThat(acc[1]).isCloseTo(ReportTestSupport.num(cell, "accStderr"), within(5e-4));
            assertThat(accNorm[0]).isCloseTo(ReportTestSupport.num(cell, "accNorm"), within(5e-4));
            assertThat(accNorm[1]).isCloseTo(ReportTestSupport.num(cell, "accNormStderr"), within(5e-4));
            assertThat(Double.parseDouble(f[6].trim())).isCloseTo(ReportTestSupport.num(cell, "chance"), within(5e-4));
        }
        assertThat(markdown).contains("Completeness: 10 completed, 0 failed, 0 missing of 10 expected.");
        assertThat(json(given().accept("application/json").get(path).asString()).getList("table")).isEqualTo(table);
    }

    @Test
    void anUnknownExperimentIs404AndAnUnknownFormatIs400NamingTheAcceptedOnes() {
        given().get("/experiments/exp-nobody/report").then().statusCode(404)
                .contentType("application/json").body("error", org.hamcrest.Matchers.equalTo("not_found"))
                .body("message", org.hamcrest.Matchers.containsString("exp-nobody"));
        given().get("/experiments/exp-nobody/report?format=xml").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_request"))
                .body("field", org.hamcrest.Matchers.equalTo("format"))
                .body("message", org.hamcrest.Matchers.containsString("json, csv, md"));
        given().get("/experiments/exp-nobody/items").then().statusCode(404);
    }

    @Test
    void theDrilldownShowsWhichItemsEachConditionGotWrong() {
        Scenario scenario = new Scenario(5);
        publish(scenario.complete());
        awaitStatus(scenario.experimentId, "completed");
        JsonPath drill = json(given().get("/experiments/" + scenario.experimentId + "/items").then().statusCode(200)
                .extract().asString());
        assertThat(drill.getList("conditions")).containsExactly("pretrained", "icl", "ft", "ft+local", "ft+global");
        assertThat(drill.getList("items")).hasSize(Scenario.SPLITS.size() * Scenario.ITEMS_PER_SPLIT);
        scenario.items.forEach((condition, items) -> {
            long wrong = items.stream().filter(i -> !i.correct()).count();
            assertThat(drill.getInt("wrong.'" + condition.wireName() + "'")).isEqualTo((int) wrong);
            for (Scenario.Item item : items) {
                String at = "items.find { it.id == '" + item.id() + "' }.conditions.'" + condition.wireName() + "'";
                assertThat(drill.getBoolean(at + ".correct")).isEqualTo(item.correct());
                assertThat(drill.getInt(at + ".predicted")).isEqualTo(item.predicted());
            }
        });
        JsonPath one = json(given().get("/experiments/" + scenario.experimentId + "/items?condition=icl").asString());
        assertThat(one.getList("conditions")).containsExactly("icl");
        given().get("/experiments/" + scenario.experimentId + "/items?condition=ft+nothing").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("condition"));
    }

    private static double[] plusMinus(String text) {
        String[] parts = text.trim().split(" ± ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

}
