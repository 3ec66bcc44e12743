package dev.aft.model.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The models this service serves: every folder under {@code <home>/models} (by folder name), the shipped
 * reference model when its folder exists, and each fine-tuned model as soon as its job succeeds. The folders
 * are read at start; models load lazily ({@link LoadedModels}).
 */
@Startup
@ApplicationScoped
public class ModelRegistry {

    /** Written by this service into the folders of the models it fine-tunes. */
    public static final String METADATA_FILE = "aft-model.json";
    public static final String ADAPTER_CONFIG = "adapter_config.json";
    public static final String MODEL_CONFIG = "config.json";

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelServiceConfig config;
    private final Map<String, ModelEntry> models = new ConcurrentHashMap<>();
    private final Map<Path, Integer> contextLengths = new ConcurrentHashMap<>();

    public ModelRegistry(ModelServiceConfig config) {
        this.config = config;
    }

    @PostConstruct
    void scan() {
        Path folder = modelsFolder();
        try {
            Files.createDirectories(folder);
            try (Stream<Path> children = Files.list(folder)) {
                children.filter(Files::isDirectory).sorted().forEach(child -> {
                    String id = child.getFileName().toString();
                    if (isModelFolder(child)) {
                        register(entry(id, child));
                    } else {
                        LOG.warnf("skipping %s: neither %s nor %s", child, MODEL_CONFIG, ADAPTER_CONFIG);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models folder " + folder, e);
        }
        Path reference = config.referenceModelPath().toAbsolutePath().normalize();
        String referenceId = config.referenceModelId();
        if (models.containsKey(referenceId)) {
            LOG.warnf("%s under %s shadows the reference model at %s", referenceId, folder, reference);
        } else if (isModelFolder(reference)) {
            register(entry(referenceId, reference));
        } else {
            LOG.infof("no reference model at %s (aft.model.reference-model-path)", reference);
        }
        LOG.infof("serving %d model(s) from %s: %s", models.size(), folder, models.keySet());
    }

    public Path modelsFolder() {
        return config.home().resolve("models").toAbsolutePath().normalize();
    }

    public static boolean isModelFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(MODEL_CONFIG)) || Files.isRegularFile(folder.resolve(ADAPTER_CONFIG));
    }

    private ModelEntry entry(String id, Path folder) {
        JsonNode metadata = readMetadata(folder);
        long created = metadata.path("created").asLong(0);
        if (created == 0) {
            created = lastModified(folder.resolve(Files.isRegularFile(folder.resolve(MODEL_CONFIG)) ? MODEL_CONFIG
                    : ADAPTER_CONFIG));
        }
        String parent = metadata.hasNonNull("parent") ? metadata.get("parent").asText() : null;
        return new ModelEntry(id, created, config.owner(), folder,
                Files.isRegularFile(folder.resolve(ADAPTER_CONFIG)), parent);
    }

    public void register(ModelEntry entry) {
        models.put(entry.id(), entry);
    }

    /** Registers a fine-tuned model whose folder was just moved under {@code <home>/models}. */
    public ModelEntry registerFineTuned(String id, Path folder, String parent, String jobId, long created) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("id", id);
        metadata.put("parent", parent);
        metadata.put("job", jobId);
        metadata.put("created", created);
        try {
            Files.writeString(folder.resolve(METADATA_FILE), metadata.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + folder.resolve(METADATA_FILE), e);
        }
        ModelEntry entry = entry(id, folder);
        register(entry);
        return entry;
    }

    /** The model's context length from its {@code config.json} (an adapter's: its base's), or null if unreadable. */
    public Integer contextLength(ModelEntry entry) {
        return contextLengths.computeIfAbsent(entry.folder(), folder -> {
            try {
                Path config = folder.resolve(MODEL_CONFIG);
                if (!Files.isRegularFile(config) && entry.adapter()) {
                    JsonNode adapter = JSON.readTree(folder.resolve(ADAPTER_CONFIG).toFile());
                    config = locateBase(adapter.path("base_model_name_or_path").asText()).resolve(MODEL_CONFIG);
                }
                return JSON.readTree(config.toFile()).path("max_position_embeddings").asInt();
            } catch (IOException | RuntimeException e) {
                LOG.warnf("cannot read the context length of %s: %s", entry.id(), e.toString());
                return null;
            }
        });
    }

    public void unregister(String id) {
        models.remove(id);
    }

    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** The model, or OpenAI's 404 {@code model_not_found}. */
    public ModelEntry require(String id) {
        return find(id).orElseThrow(() -> OpenAiException.modelNotFound(id));
    }

    /** All models, oldest first (then by id). */
    public List<ModelEntry> list() {
        return models.values().stream()
                .sorted(Comparator.comparingLong(ModelEntry::created).thenComparing(ModelEntry::id))
                .toList();
    }

    /**
     * The folder of an adapter's base model, from the adapter's {@code base_model_name_or_path}: a served
     * model's id, or a folder path.
     */
    public Path locateBase(String nameOrPath) {
        ModelEntry byId = models.get(nameOrPath);
        if (byId != null) {
            return byId.folder();
        }
        Path path = Path.of(nameOrPath);
        if (!path.isAbsolute()) {
            path = modelsFolder().resolve(path);
        }
        if (Files.isDirectory(path)) {
            return path;
        }
        for (ModelEntry entry : models.values()) {
            if (entry.folder().getFileName().toString().equals(Path.of(nameOrPath).getFileName().toString())) {
                return entry.folder();
            }
        }
        throw new IllegalArgumentException("No base model '" + nameOrPath + "' among " + models.keySet());
    }

    private static JsonNode readMetadata(Path folder) {
        Path file = folder.resolve(METADATA_FILE);
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            LOG.warnf("ignoring unreadable %s: %s", file, e.getMessage());
            return JSON.createObjectNode();
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().getEpochSecond();
        } catch (IOException e) {
            return 0;
        }
    }
}
