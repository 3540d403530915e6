package org.pactbridge.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The core's own UTF-8 agrees with the JDK's on valid text and refuses what is not UTF-8. */
class Utf8Test {
  @Property
  void agreesWithTheJdk(@ForAll String text) {
    boolean wellFormed = text.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    if (wellFormed) {
      assertThat(Utf8.encode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
      assertThat(Utf8.decode(Utf8.encode(text))).isEqualTo(text);
    } else {
      assertThatThrownBy(() -> Utf8.encode(text)).isInstanceOf(Utf8.MalformedException.class);
    }
  }

  @Test
  void refusesMalformedBytes() {
    assertThatThrownBy(() -> Utf8.decode(new byte[] {(byte) 0xC0, (byte) 0x80})).hasMessageContaining("index 0");
    assertThatThrownBy(() -> Utf8.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).hasMessageContaining("invalid UTF-8 sequence");
    assertThat(Utf8.decode("군사 Ⅱ급 秘 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("군사 Ⅱ급 秘 😀");
  }
}
