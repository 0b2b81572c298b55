package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenAiResponseParserTest {

    private static double shortDecimal(String s) {
        return OpenAiResponseParser.shortDecimal(s.toCharArray(), 0, s.length());
    }

    @Test
    void shortDecimalsConvertToExactlyTheDoubleParseDoubleGives() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            int intDigits = 1 + r.nextInt(6);
            int fractionDigits = r.nextInt(16 - intDigits);
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "-" : "");
            b.append(1 + r.nextInt(9));
            for (int d = 1; d < intDigits; d++) {
                b.append(r.nextInt(10));
            }
            if (r.nextInt(5) == 0) {
                b.setLength(b.length() - intDigits);
                b.append('0');
            }
            if (fractionDigits > 0) {
                b.append('.');
                for (int d = 0; d < fractionDigits; d++) {
                    b.append(r.nextInt(10));
                }
            }
            String text = b.toString();
            assertThat(Double.doubleToRawLongBits(shortDecimal(text)))
                    .as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        assertThat(Double.doubleToRawLongBits(shortDecimal("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void leavesEverythingElseToJackson() {
        assertThat(shortDecimal("1e5")).isNaN();
        assertThat(shortDecimal("NaN")).isNaN();
        assertThat(shortDecimal("-Infinity")).isNaN();
        assertThat(shortDecimal("1234567890.123456")).isNaN();
        assertThat(shortDecimal("-")).isNaN();
        assertThat(shortDecimal("")).isNaN();
        assertThat(shortDecimal("123456789012345")).isEqualTo(123456789012345.0);
    }
}
