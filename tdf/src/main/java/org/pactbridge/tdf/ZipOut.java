package org.pactbridge.tdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip of stored (uncompressed) entries to a plain {@link OutputStream}, the way a TDF is laid
 * out: a streamed entry whose size is learnt at its end (a data descriptor after the data, Zip64 sizes in
 * it), whole entries whose size is known, then the central directory, with Zip64 records when an offset
 * or size needs them. Nothing is buffered beyond a header. Entry times are the DOS epoch (1980-01-01): an
 * archive's bytes depend on its contents only, and no clock is read. Not thread-safe.
 */
final class ZipOut {
  private static final int LOCAL = ZipIn.LOCAL;
  private static final int CENTRAL = ZipIn.CENTRAL;
  private static final int DESCRIPTOR = ZipIn.DESCRIPTOR;
  private static final int END = ZipIn.END;
  private static final int END64 = ZipIn.END64;
  private static final int LOCATOR64 = ZipIn.LOCATOR64;
  private static final long MAX32 = ZipIn.MAX32;
  private static final int DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
  private static final int FLAG_DESCRIPTOR = 0x0008;
  private static final int FLAG_UTF8 = 0x0800;

  private record Written(String name, int flags, long crc, long size, long offset, boolean zip64Local) {
  }

  private final OutputStream out;
  private final List<Written> entries = new ArrayList<>();
  private final boolean forceZip64;
  private long position;

  ZipOut(OutputStream out) {
    this(out, false);
  }

  /** {@code forceZip64}: write Zip64 records even for small archives (tests of the reader's Zip64 path). */
  ZipOut(OutputStream out, boolean forceZip64) {
    this.out = out;
    this.forceZip64 = forceZip64;
  }

  /** The stream of one entry whose size is not known yet; closing it writes the data descriptor. */
  OutputStream beginStreamed(String name) throws IOException {
    long offset = position;
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = buffer(30 + nameBytes.length + 20);
    header.putInt(LOCAL).putShort((short) 45).putShort((short) (FLAG_DESCRIPTOR | FLAG_UTF8)).putShort((short) 0)
        .putShort((short) 0).putShort((short) DOS_DATE_1980).putInt(0).putInt(0).putInt(0)
        .putShort((short) nameBytes.length).putShort((short) 20).put(nameBytes)
        // a Zip64 extra in the local header says the descriptor carries 8-byte sizes (APPNOTE 4.3.9.2)
        .putShort((short) 1).putShort((short) 16).putLong(0).putLong(0);
    write(header);
    CRC32 crc = new CRC32();
    return new OutputStream() {
      private long size;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
        crc.update(bytes, off, len);
        size += len;
        position += len;
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        ByteBuffer descriptor = buffer(24);
        descriptor.putInt(DESCRIPTOR).putInt((int) crc.getValue()).putLong(size).putLong(size);
        ZipOut.this.write(descriptor);
        entries.add(new Written(name, FLAG_DESCRIPTOR | FLAG_UTF8, crc.getValue(), size, offset, true));
      }
    };
  }

  /** One entry whose bytes are all at hand (the manifest). */
  void writeWhole(String name, byte[] data) throws IOException {
    long offset = position;
    CRC32 crc = new CRC32();
    crc.update(data);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = buffer(30 + nameBytes.length);
    header.putInt(LOCAL).putShort((short) 20).putShort((short) FLAG_UTF8).putShort((short) 0)
        .putShort((short) 0).putShort((short) DOS_DATE_1980).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
        .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
    write(header);
    out.write(data);
    position += data.length;
    entries.add(new Written(name, FLAG_UTF8, crc.getValue(), data.length, offset, false));
  }

  /** Writes the central directory and the end records; the stream is flushed, not closed. */
  void finish() throws IOException {
    long directoryStart = position;
    for (Written entry : entries) {
      byte[] nameBytes = entry.name().getBytes(StandardCharsets.UTF_8);
      boolean bigSize = forceZip64 || entry.size() >= MAX32;
      boolean bigOffset = forceZip64 || entry.offset() >= MAX32;
      int extraLength = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
      ByteBuffer header = buffer(46 + nameBytes.length + (extraLength > 0 ? 4 + extraLength : 0));
      header.putInt(CENTRAL).putShort((short) 45).putShort((short) (extraLength > 0 || entry.zip64Local() ? 45 : 20))
          .putShort((short) entry.flags()).putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE_1980)
          .putInt((int) entry.crc()).putInt((int) (bigSize ? MAX32 : entry.size())).putInt((int) (bigSize ? MAX32 : entry.size()))
          .putShort((short) nameBytes.length).putShort((short) (extraLength > 0 ? 4 + extraLength : 0)).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) (bigOffset ? MAX32 : entry.offset())).put(nameBytes);
      if (extraLength > 0) {
        header.putShort((short) 1).putShort((short) extraLength);
        if (bigSize) {
          header.putLong(entry.size()).putLong(entry.size());
        }
        if (bigOffset) {
          header.putLong(entry.offset());
        }
      }
      write(header);
    }
    long directorySize = position - directoryStart;
    boolean zip64 = forceZip64 || directoryStart >= MAX32 || directorySize >= MAX32;
    if (zip64) {
      long end64 = position;
      ByteBuffer record = buffer(56 + 20);
      record.putInt(END64).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
          .putLong(entries.size()).putLong(entries.size()).putLong(directorySize).putLong(directoryStart);
      record.putInt(LOCATOR64).putInt(0).putLong(end64).putInt(1);
      write(record);
    }
    ByteBuffer end = buffer(22);
    end.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
        .putInt((int) (zip64 ? MAX32 : directorySize)).putInt((int) (zip64 ? MAX32 : directoryStart)).putShort((short) 0);
    write(end);
    out.flush();
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void write(ByteBuffer buffer) throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    position += buffer.position();
  }
}
