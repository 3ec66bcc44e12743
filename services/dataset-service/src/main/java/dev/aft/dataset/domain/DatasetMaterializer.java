package dev.aft.dataset.domain;

import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.DatasetGenerator;
import dev.aft.knowledge.Families;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a dataset source into data: runs a family's generator, or takes an upload as it is. CPU-bound. */
@ApplicationScoped
public class DatasetMaterializer {

    public MaterializedDataset materialize(DatasetSource source) {
        Dataset dataset;
        GeneratorSpec spec;
        if (source instanceof DatasetSource.Generated generated) {
            DatasetGenerator generator = generator(generated.family());
            try {
                dataset = generator.generate(generated.parameters(), generated.seed());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("dataset.parameters", e.getMessage());
            }
            spec = new GeneratorSpec(generated.family(), new TreeMap<>(dataset.parameters()), generated.seed());
        } else {
            DatasetSource.Uploaded upload = (DatasetSource.Uploaded) source;
            dataset = new Dataset(GeneratorSpec.UPLOAD, 0, Map.of(), upload.documents(), upload.tests(), List.of());
            spec = new GeneratorSpec(GeneratorSpec.UPLOAD,
                    Map.of("documents", upload.documents().size(), "tests", upload.tests().size()), 0);
        }
        byte[] documents = DatasetJsonl.documents(dataset);
        byte[] tests = DatasetJsonl.tests(dataset);
        return new MaterializedDataset(dataset, spec, documents, sha256(documents), tests, sha256(tests));
    }

    private static DatasetGenerator generator(String family) {
        try {
            return Families.generator(family);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("dataset.family", e.getMessage());
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
