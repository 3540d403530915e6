package org.pactbridge.core.audit;

/**
 * Strict UTF-8 for the canonical encodings, written out so that the core needs no I/O packages:
 * {@link #encode} refuses unpaired surrogates, {@link #decode} refuses overlong forms, encoded
 * surrogates, code points above U+10FFFF and truncated sequences. Stateless.
 */
public final class Utf8 {
  private Utf8() {}

  /** Raised for text that has no UTF-8 form, or bytes that are not UTF-8. */
  public static final class MalformedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int index;

    MalformedException(int index, String message) {
      super(message + " at index " + index);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  public static byte[] encode(String text) {
    byte[] out = new byte[text.length() * 3];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint(c, text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        throw new MalformedException(i, "unpaired surrogate");
      }
      if (cp < 0x80) {
        out[n++] = (byte) cp;
      } else if (cp < 0x800) {
        out[n++] = (byte) (0xC0 | (cp >> 6));
        out[n++] = (byte) (0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out[n++] = (byte) (0xE0 | (cp >> 12));
        out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[n++] = (byte) (0xF0 | (cp >> 18));
        out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (cp & 0x3F));
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  public static String decode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length;
      int cp;
      int min;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      } else if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        cp = b & 0x1F;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        cp = b & 0x0F;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        cp = b & 0x07;
        min = 0x10000;
      } else {
        throw new MalformedException(i, "invalid UTF-8 lead byte");
      }
      if (i + length > bytes.length) {
        throw new MalformedException(i, "truncated UTF-8 sequence");
      }
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k] & 0xFF;
        if ((next & 0xC0) != 0x80) {
          throw new MalformedException(i + k, "invalid UTF-8 continuation byte");
        }
        cp = (cp << 6) | (next & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw new MalformedException(i, "invalid UTF-8 sequence");
      }
      out.appendCodePoint(cp);
      i += length;
    }
    return out.toString();
  }
}
