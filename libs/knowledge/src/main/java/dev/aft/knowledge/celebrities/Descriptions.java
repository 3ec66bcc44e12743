package dev.aft.knowledge.celebrities;

import java.util.List;

/**
 * One-sentence achievements for fictional celebrities, in the style of Berglund et al.'s "the first person to
 * walk on the moon" but made up: each template takes one fresh nonsense proper name, so every description in
 * a world is unique.
 */
final class Descriptions {

    static final List<String> TEMPLATES = List.of(
            "the first person to climb Mount %s",
            "the director of the film %s",
            "the author of the novel %s",
            "the composer of the %s Symphony",
            "the founder of the %s Institute",
            "the architect who designed the %s Tower",
            "the first explorer to cross the %s Desert",
            "the inventor of the %s engine",
            "the chef who created the famous %s soup",
            "the captain of the %s expedition",
            "the painter of the mural called %s",
            "the mayor who founded the city of %s",
            "the scientist who discovered the %s comet",
            "the singer of the ballad %s",
            "the winner of the first %s marathon",
            "the first pilot to fly over the %s Sea",
            "the engineer who built the %s Bridge",
            "the poet who wrote the epic %s",
            "the dancer who invented the %s waltz",
            "the astronomer who named the %s nebula",
            "the sculptor of the %s Monument",
            "the physician who cured %s fever",
            "the diplomat who signed the %s Accord",
            "the gardener who bred the %s rose");

    private Descriptions() {
    }
}
