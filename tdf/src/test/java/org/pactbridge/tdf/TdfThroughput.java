package org.pactbridge.tdf;

import static org.pactbridge.tdf.TdfFixtures.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.Cipher;
import org.pactbridge.core.item.ItemTitle;

/**
 * A rough throughput measurement, not a test and not JMH: export and decrypt of a payload (256 MiB by
 * default; the first argument sets MiB) against the JDK's bare AES-256-GCM over the same bytes in the same
 * 2 MiB segments, in the same run. Prints MB/s and the ratios. Run with the module's test classpath:
 * {@code java -cp tdf/target/test-classes:tdf/target/classes:<deps> org.pactbridge.tdf.TdfThroughput 256}.
 */
public final class TdfThroughput {
  private TdfThroughput() {
  }

  public static void main(String[] args) throws Exception {
    long size = (args.length > 0 ? Long.parseLong(args[0]) : 256) * 1024 * 1024;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    byte[] block = randomBytes(TdfWriter.DEFAULT_SEGMENT_SIZE, 1);
    Path file = Files.createTempFile("tdf-throughput", ".tdf");
    try {
      double bareEncrypt = 0;
      double bareDecrypt = 0;
      double export = 0;
      double exportToFile = 0;
      double decrypt = 0;
      for (int round = 0; round < rounds; round++) {
        bareEncrypt = Math.max(bareEncrypt, rate(size, () -> bare(block, size, true)));
        bareDecrypt = Math.max(bareDecrypt, rate(size, () -> bare(block, size, false)));
        export = Math.max(export, rate(size, () -> writer().write(content(ItemTitle.of(TITLE)), new Repeating(block, size),
            OutputStream.nullOutputStream())));
        exportToFile = Math.max(exportToFile, rate(size, () -> {
          try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writer().write(content(ItemTitle.of(TITLE)), new Repeating(block, size), out);
          }
        }));
        decrypt = Math.max(decrypt, rate(size, () -> {
          try (TdfArchive tdf = TdfArchive.open(file)) {
            tdf.decrypt(tdf.payloadKey(kas()::unwrap), OutputStream.nullOutputStream());
          }
        }));
      }
      Runtime runtime = Runtime.getRuntime();
      System.out.printf("payload %d MiB, best of %d rounds, MB/s (10^6 bytes/s)%n", size >> 20, rounds);
      System.out.printf("JDK AES-256-GCM encrypt (2 MiB segments, to nowhere): %8.1f%n", bareEncrypt);
      System.out.printf("export to nowhere:                                    %8.1f  ratio %.2f%n", export, export / bareEncrypt);
      System.out.printf("export to a file:                                     %8.1f  ratio %.2f%n", exportToFile, exportToFile / bareEncrypt);
      System.out.printf("JDK AES-256-GCM decrypt (2 MiB segments, to nowhere): %8.1f%n", bareDecrypt);
      System.out.printf("decrypt from the file to nowhere:                     %8.1f  ratio %.2f%n", decrypt, decrypt / bareDecrypt);
      System.out.printf("max heap %d MiB; heap in use now %d MiB%n", runtime.maxMemory() >> 20, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double rate(long size, Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return size / ((System.nanoTime() - start) / 1e9) / 1e6;
  }

  /** The floor: the JDK's AES-GCM over the same segments, fresh IV each, no zip, no manifest. */
  private static void bare(byte[] block, long size, boolean encrypt) throws Exception {
    byte[] key = Crypto.randomBytes(32);
    byte[] iv = Crypto.randomBytes(12);
    byte[] sealed = Crypto.gcm(Cipher.ENCRYPT_MODE, key, iv).doFinal(block);
    byte[] out = new byte[block.length + 16];
    for (long done = 0; done < size; done += block.length) {
      if (encrypt) {
        Crypto.gcm(Cipher.ENCRYPT_MODE, key, Crypto.randomBytes(12)).doFinal(block, 0, block.length, out, 0);
      } else {
        Crypto.gcm(Cipher.DECRYPT_MODE, key, iv).doFinal(sealed, 0, sealed.length, out, 0);
      }
    }
  }

  /** {@code size} bytes made of one block repeated: generating the input costs nothing measurable. */
  private static final class Repeating extends InputStream {
    private final byte[] block;
    private long remaining;

    Repeating(byte[] block, long size) {
      this.block = block;
      this.remaining = size;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("read in blocks");
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int count = (int) Math.min(Math.min(length, remaining), block.length);
      System.arraycopy(block, 0, buffer, offset, count);
      remaining -= count;
      return count;
    }
  }
}
