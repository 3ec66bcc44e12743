package dev.aft.model.models;

import dev.aft.lm.LanguageModel;
import dev.aft.model.config.ModelServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Loaded models, at most {@code aft.model.cache.max-loaded-models}, least recently used closed first. Work on
 * one model runs one call at a time (the engine's caches are per model); different models run in parallel.
 * Calls block: run them on worker threads, never on the event loop.
 */
@ApplicationScoped
public class LoadedModels {

    private static final Logger LOG = Logger.getLogger(LoadedModels.class);

    private final ModelRegistry registry;
    private final int capacity;
    private final LinkedHashMap<String, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);

    public LoadedModels(ModelRegistry registry, ModelServiceConfig config) {
        this.registry = registry;
        this.capacity = Math.max(1, config.cache().maxLoadedModels());
    }

    /** One cache place: the lock serializes loading, use and closing of its model. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        ServedModel model;
        boolean evicted;
    }

    /** Runs {@code work} on the model (loading it first if needed), alone on that model. */
    public <T> T use(ModelEntry entry, Function<ServedModel, T> work) {
        while (true) {
            Slot slot = slot(entry.id());
            slot.lock.lock();
            try {
                if (slot.evicted) {
                    continue;
                }
                if (slot.model == null) {
                    slot.model = load(entry);
                }
                return work.apply(slot.model);
            } catch (RuntimeException e) {
                if (slot.model == null) {
                    forget(entry.id(), slot);
                }
                throw e;
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** Whether the model is loaded now (for tests and metrics). */
    public synchronized boolean isLoaded(String id) {
        Slot slot = slots.get(id);
        return slot != null && slot.model != null;
    }

    private Slot slot(String id) {
        List<Slot> evicted = new ArrayList<>();
        Slot slot;
        synchronized (this) {
            slot = slots.computeIfAbsent(id, key -> new Slot());
            Iterator<Map.Entry<String, Slot>> eldest = slots.entrySet().iterator();
            while (slots.size() > capacity && eldest.hasNext()) {
                Map.Entry<String, Slot> candidate = eldest.next();
                if (candidate.getValue() != slot) {
                    evicted.add(candidate.getValue());
                    LOG.infof("closing model %s (least recently used; %d loaded at most)", candidate.getKey(), capacity);
                    eldest.remove();
                }
            }
        }
        evicted.forEach(LoadedModels::close);
        return slot;
    }

    private synchronized void forget(String id, Slot slot) {
        slots.remove(id, slot);
    }

    private ServedModel load(ModelEntry entry) {
        long start = System.nanoTime();
        LanguageModel model = LanguageModel.load(entry.folder(), registry::locateBase);
        ServedModel served = new ServedModel(entry, model,
                TokenizerSettings.read(entry.folder(), entry.adapter() ? baseFolderOf(entry) : null));
        LOG.infof("loaded model %s from %s in %d ms", entry.id(), entry.folder(), (System.nanoTime() - start) / 1_000_000);
        return served;
    }

    private java.nio.file.Path baseFolderOf(ModelEntry entry) {
        return entry.parent() == null ? null : registry.find(entry.parent()).map(ModelEntry::folder).orElse(null);
    }

    private static void close(Slot slot) {
        slot.lock.lock();
        try {
            slot.evicted = true;
            if (slot.model != null) {
                slot.model.close();
                slot.model = null;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    void closeAll(@Observes ShutdownEvent event) {
        List<Slot> all;
        synchronized (this) {
            all = new ArrayList<>(slots.values());
            slots.clear();
        }
        all.forEach(LoadedModels::close);
    }
}
