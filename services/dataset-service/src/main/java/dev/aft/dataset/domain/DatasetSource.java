package dev.aft.dataset.domain;

import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import java.util.List;
import java.util.Map;

/** Where an experiment's dataset comes from: a generator of the study's families, or a team's upload. */
public sealed interface DatasetSource {

    record Generated(String family, Map<String, Object> parameters, long seed) implements DatasetSource {
    }

    record Uploaded(List<Document> documents, List<TestItem> tests) implements DatasetSource {
    }
}
