package dev.aft.model.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Renders real Hugging Face chat templates and compares with what transformers' apply_chat_template gives. */
class ChatTemplateTest {

    private static final List<ChatTemplate.Message> CONVERSATION = List.of(
            new ChatTemplate.Message("system", "Be brief."),
            new ChatTemplate.Message("user", "Hi"),
            new ChatTemplate.Message("assistant", "Hello."),
            new ChatTemplate.Message("user", "Bye"));

    private static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final String ZEPHYR = "{% for message in messages %}\n{% if message['role'] == 'user' %}\n"
            + "{{ '<|user|>\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'system' %}\n"
            + "{{ '<|system|>\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'assistant' %}\n"
            + "{{ '<|assistant|>\n'  + message['content'] + eos_token }}\n{% endif %}\n"
            + "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}";

    private static final String LLAMA2 = "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
            + "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
            + "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
            + "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
            + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
            + "{% if loop.index0 == 0 and system_message != false %}"
            + "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
            + "{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}"
            + "{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}"
            + "{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";

    @Test
    void chatMlRendersEveryMessageAndTheGenerationPrompt() {
        assertThat(ChatTemplate.parse(CHATML).render(CONVERSATION, "<s>", "</s>", true)).isEqualTo(
                "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                        + "<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n"
                        + "<|im_start|>assistant\n");
        assertThat(ChatTemplate.parse(CHATML).render(CONVERSATION.subList(1, 2), "<s>", "</s>", false))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n");
    }

    @Test
    void zephyrKeepsExpressionNewlinesAndDropsTheOnesAfterBlockTags() {
        assertThat(ChatTemplate.parse(ZEPHYR).render(CONVERSATION.subList(0, 2), "<s>", "</s>", true))
                .isEqualTo("<|system|>\nBe brief.</s>\n<|user|>\nHi</s>\n<|assistant|>\n");
    }

    @Test
    void llama2FoldsTheSystemMessageIntoTheFirstTurnAndChecksAlternation() {
        assertThat(ChatTemplate.parse(LLAMA2).render(CONVERSATION, "<s>", "</s>", true)).isEqualTo(
                "<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello. </s><s>[INST] Bye [/INST]");
        List<ChatTemplate.Message> twoUsers = List.of(new ChatTemplate.Message("user", "a"),
                new ChatTemplate.Message("user", "b"));
        assertThatThrownBy(() -> ChatTemplate.parse(LLAMA2).render(twoUsers, "<s>", "</s>", true))
                .isInstanceOf(TemplateException.class).hasMessage("Conversation roles must alternate"
                        + " user/assistant/user/assistant/...");
    }

    @Test
    void whitespaceControlAndLstripBlocksFollowJinja() {
        String template = "A  {%- if true -%}  B  {%- endif %}\n    {% if true %}C{% endif %}\n{{- ' D' }}";
        assertThat(ChatTemplate.parse(template).render(List.of(), "", "", false)).isEqualTo("ABC D");
    }

    @Test
    void unsupportedSyntaxIsNamed() {
        assertThatThrownBy(() -> ChatTemplate.parse("{% macro x() %}{% endmacro %}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("macro");
        assertThatThrownBy(() -> ChatTemplate.parse("{{ messages | tojson }}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("tojson");
        assertThatThrownBy(() -> ChatTemplate.parse("{% for m in messages %}x"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("endfor");
    }
}
