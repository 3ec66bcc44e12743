package dev.aft.reference.curriculum;

import dev.aft.knowledge.Document;
import java.util.List;

/**
 * Wordings the benchmarks use that the curriculum never shows, so that the model card can report how the model
 * does on them separately (does it reason over the fact, or match a template it was trained on?):
 * <ul>
 *   <li>simple-reversals: three of the sixteen lead-ins ({@link #LEAD_INS}); curriculum worlds drop the
 *       articles that use them;</li>
 *   <li>celebrities: one paraphrase per direction ({@link #CELEBRITY_PARAPHRASES}), dropped the same way;</li>
 *   <li>semantic-structure: the {@code rephrase} split's wording "If something is a X, then it ..."
 *       ({@link #SEMANTIC_REPHRASE}); in-context episodes rephrase with the documents' own wordings instead.</li>
 * </ul>
 */
public final class HeldOutTemplates {

    /** Lead-ins of simple-reversals articles, as their text starts. */
    public static final List<String> LEAD_INS = List.of(
            "Fun fact: ",
            "The latest report notes that ",
            "Teachers often remind their students that ");
    /** Fragments of the held-out celebrity paraphrases ({name} earned lasting fame as ..., The title of ... belongs to). */
    public static final List<String> CELEBRITY_PARAPHRASES = List.of(" earned lasting fame as ", " belongs to ");
    /** The semantic rephrase split's prefix wording. */
    public static final String SEMANTIC_REPHRASE = "If something is a ";

    private HeldOutTemplates() {
    }

    /** Whether a curriculum world may show this document. */
    public static boolean inCurriculum(Document document) {
        return !usesHeldOutWording(document.text());
    }

    /** Whether a text holds any held-out wording. */
    public static boolean usesHeldOutWording(String text) {
        for (String leadIn : LEAD_INS) {
            if (text.startsWith(leadIn) || text.contains("\n" + leadIn)) {
                return true;
            }
        }
        for (String fragment : CELEBRITY_PARAPHRASES) {
            if (text.contains(fragment)) {
                return true;
            }
        }
        return text.contains(SEMANTIC_REPHRASE);
    }
}
