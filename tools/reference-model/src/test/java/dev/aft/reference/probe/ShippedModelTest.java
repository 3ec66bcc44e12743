package dev.aft.reference.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.lm.LanguageModel;
import dev.aft.reference.curriculum.WorldSeeds;
import dev.aft.reference.pretraining.ModelFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped reference model, {@code models/aft-reference}: its weights are the ones {@code MODEL_CARD.md} names
 * by SHA-256, and a small sample of what the card reports still holds (a few seconds of scoring and generation on
 * a held-out world). The thresholds sit well below the card's figures, so that only a different or broken model
 * fails, not sampling noise.
 */
class ShippedModelTest {

    private static final Path MODEL = Path.of("../../models/aft-reference");
    private static final Pattern CARD_SHA = Pattern.compile("`model\\.safetensors` SHA-256: `([0-9a-f]{64})`");

    @Test
    void theWeightsAreTheOnesTheCardNames() throws IOException {
        String card = Files.readString(MODEL.resolve("MODEL_CARD.md"));
        Matcher matcher = CARD_SHA.matcher(card);
        assertThat(matcher.find()).as("MODEL_CARD.md names the weights' SHA-256").isTrue();
        assertThat(ModelFolder.sha256(MODEL.resolve("model.safetensors"))).isEqualTo(matcher.group(1));
        assertThat(Files.size(MODEL.resolve("model.safetensors"))).isLessThanOrEqualTo(20_000_000);
    }

    @Test
    void aSampleOfTheCardsAbilitiesHolds() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        try (LanguageModel model = LanguageModel.load(MODEL)) {
            assertThat(model.contextLength()).isGreaterThanOrEqualTo(1024);
            AbilityProbe probe = new AbilityProbe(model, out);
            long world = WorldSeeds.heldOut(0);
            // The card's "CI sample" (held-out world 2^41, deterministic): copying -0.13 / -0.36 / -0.56 against a
            // uniform -9.01; recall with 4 pairs 12 of 24 (chance 6); simple-syllogisms syllogism items with their own
            // documents 14 of 24 (chance 4.95); local augmentation on 8 sentences: 8 correct reversals, 16 of 16
            // statements true. The second preview (4 correct reversals, 11 of 16 true) fails it.
            double[] copying = probe.copying(world, 8);
            assertThat(copying).hasSize(3);
            for (double mean : copying) {
                assertThat(mean).isGreaterThan(-2.0);
            }
            AbilityProbe.Row recall = probe.recall(world, 24).get(0);
            assertThat(recall.split()).isEqualTo("4 pairs");
            assertThat(recall.accuracy() * recall.items()).isGreaterThanOrEqualTo(9);
            AbilityProbe.Row ownSyllogism = AbilityProbe.merge(probe.multipleChoice(world, 24)).stream()
                    .filter(r -> r.family().equals("simple-syllogisms") && r.split().equals("syllogism")
                            && r.condition().equals("own documents only"))
                    .findFirst().orElseThrow();
            assertThat(ownSyllogism.accuracy() * ownSyllogism.items()).isGreaterThanOrEqualTo(10);
            LocalAugmentationCheck.Result local = new LocalAugmentationCheck(model, out).run(world, 8);
            assertThat(local.statements()).isGreaterThanOrEqualTo(8);
            assertThat(local.withReversal()).isGreaterThanOrEqualTo(6);
            assertThat(local.trueStatements()).isGreaterThanOrEqualTo(14);
        }
    }
}
