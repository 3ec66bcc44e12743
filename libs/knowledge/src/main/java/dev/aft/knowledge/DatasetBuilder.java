package dev.aft.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Collects a world's facts, documents and tests and gives them deterministic ids in creation order. */
public final class DatasetBuilder {

    private final List<Fact> facts = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();
    private final List<TestItem> tests = new ArrayList<>();

    public Fact fact(String subject, String relation, String object, String sentence) {
        Fact fact = new Fact(id("f", facts.size()), subject, relation, object, sentence);
        facts.add(fact);
        return fact;
    }

    public Document document(String text, List<String> factIds) {
        Document document = new Document(id("d", documents.size()), text, factIds);
        documents.add(document);
        return document;
    }

    public TestItem test(String split, String subType, String prefix, Choice choice, List<String> provenance) {
        TestItem item = new TestItem(id("t", tests.size()), split, subType, prefix, choice.options(),
                choice.correct(), provenance);
        tests.add(item);
        return item;
    }

    public int documentCount() {
        return documents.size();
    }

    public Dataset build(String family, long seed, Parameters parameters) {
        return new Dataset(family, seed, parameters.asMap(), documents, tests, facts);
    }

    private static String id(String prefix, int index) {
        return String.format("%s-%04d", prefix, index + 1);
    }
}
