package org.entropyworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

/** Text typed into the τ field is taken, or rejected with the reason (it used to revert silently). */
class TauInputTest {

    @Test
    void numbersWithPointOrCommaAreTaken() {
        assertThat(TauInput.parse(" 0.85 ").value()).isEqualTo(0.85);
        assertThat(TauInput.parse("0,85").value()).isEqualTo(0.85);
        assertThat(TauInput.parse("0").ok()).isTrue();
    }

    @Test
    void textThatIsNotANumberSaysSo() {
        TauInput abc = TauInput.parse("abc");
        assertThat(abc.ok()).isFalse();
        assertThat(abc.problem()).isEqualTo("\"abc\" is not a number: τ is in bits, e.g. 0.850");
    }

    @Test
    void emptyNegativeAndInfiniteValuesSayWhy() {
        assertThat(TauInput.parse("  ").problem()).startsWith("Type τ in bits");
        assertThat(TauInput.parse("-0.2").problem()).contains("cannot be negative");
        assertThat(TauInput.parse("Infinity").problem()).contains("finite");
    }
}
