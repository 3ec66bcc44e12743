package dev.aft.model.models;

import java.nio.file.Path;

/**
 * A model this service serves: its id, when it was made (epoch seconds), its owner, its folder (a Hugging
 * Face model folder, or a LoRA adapter folder over a base), and the model it was fine-tuned from, if any.
 */
public record ModelEntry(String id, long created, String ownedBy, Path folder, boolean adapter, String parent) {
}
