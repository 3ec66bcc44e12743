package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void commentsAreRemovedStopSequencesReadAndPlaceholdersFilled() {
        PromptTemplate template = PromptTemplate.parse("t", """
                ## a comment
                ## stop: ["\\n\\n", "Sentence:"]
                Say more.
                Sentence: {{sentence}}
                Statements:
                """, LocalPrompts.PLACEHOLDERS, LocalPrompts.REQUIRED);
        assertThat(template.stop()).containsExactly("\n\n", "Sentence:");
        assertThat(template.render(Map.of("sentence", "<sentence>x</sentence>")))
                .isEqualTo("Say more.\nSentence: <sentence>x</sentence>\nStatements:\n");
        assertThat(template.instructionLines()).containsExactly("Say more.", "Sentence:", "Statements:");
    }

    @Test
    void unknownOrMissingPlaceholdersAreRefusedNamingTheTemplate() {
        assertThatThrownBy(() -> PromptTemplate.parse("x/local.txt", "{{sentence}} {{colour}}", LocalPrompts.PLACEHOLDERS,
                LocalPrompts.REQUIRED)).hasMessageContaining("x/local.txt").hasMessageContaining("{{colour}}");
        assertThatThrownBy(() -> PromptTemplate.parse("x/global.txt", "{{focus}}", GlobalPrompts.PLACEHOLDERS,
                GlobalPrompts.REQUIRED)).hasMessageContaining("must use {{documents}}");
        assertThatThrownBy(() -> PromptTemplate.parse("x", "## stop: [1, \n{{sentence}}", LocalPrompts.PLACEHOLDERS,
                Set.of())).hasMessageContaining("stop");
    }

    @Test
    void theBuiltInTemplatesParse() {
        assertThat(Templates.local().stop()).contains("\n\n");
        assertThat(Templates.global().uses("documents")).isTrue();
    }
}
