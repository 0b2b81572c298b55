package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzMutatorTest {

    private static final byte[] INPUT = ("{\"type\":\"header\",\"version\":1}\n{\"type\":\"step\",\"q\":\"a\",\"step\":1}\n"
            + "{\"type\":\"step\",\"q\":\"b\",\"step\":2}\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void sameSeedGivesTheSameDamage() {
        for (FuzzMutator.Mutation m : FuzzMutator.Mutation.values()) {
            assertThat(FuzzMutator.mutate(INPUT, m, new Random(3))).isEqualTo(FuzzMutator.mutate(INPUT, m, new Random(3)));
        }
    }

    @Test
    void truncationShortensAndHugeLinesStayWithinBounds() {
        assertThat(FuzzMutator.mutate(INPUT, FuzzMutator.Mutation.TRUNCATE, new Random(1)).length).isLessThan(INPUT.length);
        byte[] huge = FuzzMutator.mutate(INPUT, FuzzMutator.Mutation.HUGE_LINE, new Random(1));
        assertThat(huge.length - INPUT.length).isBetween(FuzzMutator.HUGE_LINE_MIN, FuzzMutator.HUGE_LINE_MAX + 200);
    }

    @Test
    void deepNestingInsertsAtLeastTwoThousandLevels() {
        String s = new String(FuzzMutator.mutate(INPUT, FuzzMutator.Mutation.DEEP_NESTING, new Random(2)), StandardCharsets.UTF_8);
        long opens = s.chars().filter(c -> c == '[' || c == '{').count();
        assertThat(opens).isGreaterThan(2000);
    }

    @Test
    void wrongTypesReplacesAValue() {
        byte[] out = FuzzMutator.mutate(INPUT, FuzzMutator.Mutation.WRONG_TYPES, new Random(4));
        assertThat(out).isNotEqualTo(INPUT);
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("\"type\":");
    }
}
