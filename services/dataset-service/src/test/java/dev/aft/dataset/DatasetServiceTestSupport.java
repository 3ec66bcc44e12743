package dev.aft.dataset;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;

/** Shared request helpers for dataset-service tests. */
final class DatasetServiceTestSupport {

    private DatasetServiceTestSupport() {
    }

    static Response postExperiment(String json) {
        return given().contentType("application/json").body(json).when().post("/experiments");
    }

    /** Fetches a content link by its path, from whichever port this test's service listens on. */
    static byte[] fetch(String url) {
        return given().when().get(URI.create(url).getPath()).then().statusCode(200).extract().asByteArray();
    }
}
