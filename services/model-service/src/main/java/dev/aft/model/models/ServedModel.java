package dev.aft.model.models;

import dev.aft.lm.LanguageModel;
import dev.aft.lm.tokenizer.Tokenizer;
import java.util.Optional;

/** A loaded model with what serving needs besides the engine: whether texts start with a BOS token. */
public final class ServedModel implements AutoCloseable {

    private final ModelEntry entry;
    private final LanguageModel model;
    private final TokenizerSettings settings;
    private final Optional<Integer> bosId;

    public ServedModel(ModelEntry entry, LanguageModel model, TokenizerSettings settings) {
        this.entry = entry;
        this.model = model;
        this.settings = settings;
        this.bosId = bosId(model, settings);
    }

    private static Optional<Integer> bosId(LanguageModel model, TokenizerSettings settings) {
        Optional<String> token = model.bosToken().or(settings::bosToken);
        if (token.isPresent()) {
            int id = model.tokenizer().tokenId(token.get());
            if (id >= 0) {
                return Optional.of(id);
            }
        }
        return Optional.ofNullable(model.config().bosTokenId());
    }

    public ModelEntry entry() {
        return entry;
    }

    public LanguageModel model() {
        return model;
    }

    public Tokenizer tokenizer() {
        return model.tokenizer();
    }

    /** Whether a text prompt starts with the BOS token ({@code add_bos_token} in {@code tokenizer_config.json}). */
    public boolean addsBos() {
        return settings.addBosToken() && bosId.isPresent();
    }

    /** The BOS token id, if the model has one (also the start of an otherwise empty prompt). */
    public Optional<Integer> bosId() {
        return bosId;
    }

    public Optional<String> chatTemplate() {
        return model.chatTemplate().or(settings::chatTemplate);
    }

    public String bosToken() {
        return model.bosToken().or(settings::bosToken).orElse("");
    }

    public String eosToken() {
        return model.eosToken().or(settings::eosToken).orElse("");
    }

    public int contextLength() {
        return model.contextLength();
    }

    public int vocabSize() {
        return model.config().vocabSize();
    }

    @Override
    public void close() {
        model.close();
    }
}
