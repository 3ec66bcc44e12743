package dev.aft.model.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.model.TinyModels;
import dev.aft.model.config.ModelServiceConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModelsTest {

    @TempDir
    Path home;

    private ModelRegistry registry;

    private LoadedModels models(int capacity) {
        TinyModels.write(home.resolve("models").resolve("a"), 32, 32, 1, false);
        TinyModels.write(home.resolve("models").resolve("b"), 32, 32, 2, false);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ModelServiceConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withDefaultValue("aft.model.home", home.toString())
                .withDefaultValue("aft.model.reference-model-path", home.resolve("none").toString())
                .withDefaultValue("aft.model.cache.max-loaded-models", Integer.toString(capacity))
                .build();
        ModelServiceConfig mapping = config.getConfigMapping(ModelServiceConfig.class);
        registry = new ModelRegistry(mapping);
        registry.scan();
        assertThat(registry.list()).extracting(ModelEntry::id).containsExactly("a", "b");
        return new LoadedModels(registry, mapping);
    }

    @Test
    void theLeastRecentlyUsedModelIsClosedWhenTheCacheIsFull() {
        LoadedModels models = models(1);
        int vocabulary = models.use(registry.require("a"), m -> m.vocabSize());
        assertThat(models.isLoaded("a")).isTrue();
        models.use(registry.require("b"), m -> m.vocabSize());
        assertThat(models.isLoaded("b")).isTrue();
        assertThat(models.isLoaded("a")).isFalse();
        // Loaded again on demand.
        int again = models.use(registry.require("a"), m -> m.vocabSize());
        assertThat(again).isEqualTo(vocabulary);
        models.closeAll(null);
    }

    @Test
    void oneModelServesOneCallAtATime() throws Exception {
        LoadedModels models = models(2);
        ModelEntry a = registry.require("a");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = threads.invokeAll(java.util.Collections.nCopies(8, () -> models.use(a, m -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return m.model().score(List.of(new int[] {5, 6, 7}), 0).size();
            })));
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(1);
            }
        } finally {
            threads.shutdown();
            models.closeAll(null);
        }
        assertThat(most.get()).isEqualTo(1);
    }
}
