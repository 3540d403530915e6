package org.pactbridge.tdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a zip's central directory from a channel and checks it before anything is trusted: one end
 * record, Zip64 records where the sizes say so, at most {@code maxEntries} entries, each stored (method
 * 0, not encrypted) with equal compressed and uncompressed sizes, its local header where the directory
 * says with the same name, its data inside the file before the directory, no two entries overlapping,
 * no name twice. What it returns are byte ranges; the data is read by the caller, one segment at a time.
 */
final class ZipIn {
  // the record signatures of APPNOTE 4.3.7 to 4.3.16, shared with ZipOut
  static final int LOCAL = 0x04034b50;
  static final int CENTRAL = 0x02014b50;
  static final int DESCRIPTOR = 0x08074b50;
  static final int END = 0x06054b50;
  static final int END64 = 0x06064b50;
  static final int LOCATOR64 = 0x07064b50;
  static final long MAX32 = 0xFFFFFFFFL;

  /** One stored entry: where its data starts, how long it is, and its CRC-32. */
  record Entry(String name, long dataOffset, long size, long crc) {
  }

  private ZipIn() {
  }

  static Map<String, Entry> read(SeekableByteChannel channel, TdfLimits limits) throws IOException {
    long fileSize = channel.size();
    if (fileSize < 22) {
      throw TdfException.zipCorrupt("zip", "the file is too short to be a zip (" + fileSize + " bytes)");
    }
    int tailLength = (int) Math.min(fileSize, 22 + 0xFFFF);
    ByteBuffer tail = readAt(channel, fileSize - tailLength, tailLength);
    int endAt = -1;
    for (int at = tailLength - 22; at >= 0; at--) {
      if (tail.getInt(at) == END && (at + 22 + (tail.getShort(at + 20) & 0xFFFF)) == tailLength) {
        endAt = at;
        break;
      }
    }
    if (endAt < 0) {
      throw TdfException.zipCorrupt("zip end record", "no end of central directory record");
    }
    long endPosition = fileSize - tailLength + endAt;
    if ((tail.getShort(endAt + 4) & 0xFFFF) != 0 || (tail.getShort(endAt + 6) & 0xFFFF) != 0) {
      throw TdfException.zipCorrupt("zip end record", "multi-disk archives are not supported");
    }
    long count = tail.getShort(endAt + 10) & 0xFFFF;
    long directorySize = tail.getInt(endAt + 12) & MAX32;
    long directoryOffset = tail.getInt(endAt + 16) & MAX32;
    long directoryEnd = endPosition;
    if (count == 0xFFFF || directorySize == MAX32 || directoryOffset == MAX32) {
      if (endPosition < 20) {
        throw TdfException.zipCorrupt("zip64 locator", "a Zip64 end record is needed and there is no room for its locator");
      }
      ByteBuffer locator = readAt(channel, endPosition - 20, 20);
      if (locator.getInt(0) != LOCATOR64) {
        throw TdfException.zipCorrupt("zip64 locator", "the Zip64 end record locator is missing");
      }
      long end64 = locator.getLong(8);
      if (end64 < 0 || end64 > endPosition - 20 - 56) {
        throw TdfException.zipCorrupt("zip64 end record", "the Zip64 end record lies outside the file");
      }
      ByteBuffer record = readAt(channel, end64, 56);
      if (record.getInt(0) != END64) {
        throw TdfException.zipCorrupt("zip64 end record", "bad Zip64 end record signature");
      }
      count = record.getLong(32);
      directorySize = record.getLong(40);
      directoryOffset = record.getLong(48);
      directoryEnd = end64;
    }
    if (count > limits.maxEntries()) {
      throw TdfException.zipLimit("zip", "the archive has " + count + " entries; at most " + limits.maxEntries() + " are read");
    }
    if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > directoryEnd
        || directorySize > 64L * 1024 * limits.maxEntries()) {
      throw TdfException.zipCorrupt("zip central directory", "the central directory lies outside the file");
    }
    ByteBuffer directory = readAt(channel, directoryOffset, (int) directorySize);
    Map<String, Entry> entries = new HashMap<>();
    List<long[]> ranges = new ArrayList<>();
    int at = 0;
    for (int index = 0; index < count; index++) {
      if (at + 46 > directory.limit() || directory.getInt(at) != CENTRAL) {
        throw TdfException.zipCorrupt("zip central directory", "entry " + index + " has no central header");
      }
      int flags = directory.getShort(at + 8) & 0xFFFF;
      int method = directory.getShort(at + 10) & 0xFFFF;
      long crc = directory.getInt(at + 16) & MAX32;
      long compressed = directory.getInt(at + 20) & MAX32;
      long size = directory.getInt(at + 24) & MAX32;
      int nameLength = directory.getShort(at + 28) & 0xFFFF;
      int extraLength = directory.getShort(at + 30) & 0xFFFF;
      int commentLength = directory.getShort(at + 32) & 0xFFFF;
      long localOffset = directory.getInt(at + 42) & MAX32;
      int next = at + 46 + nameLength + extraLength + commentLength;
      if (next > directory.limit()) {
        throw TdfException.zipCorrupt("zip central directory", "entry " + index + " runs past the directory");
      }
      String name = utf8(directory, at + 46, nameLength, "zip central directory");
      int extra = at + 46 + nameLength;
      for (int field = extra; field + 4 <= extra + extraLength; ) {
        int id = directory.getShort(field) & 0xFFFF;
        int length = directory.getShort(field + 2) & 0xFFFF;
        if (field + 4 + length > extra + extraLength) {
          throw TdfException.zipCorrupt("zip entry " + name, "an extra field runs past its header");
        }
        if (id == 1) {
          int value = field + 4;
          if (size == MAX32) {
            size = longIn(directory, value, field + 4 + length, name);
            value += 8;
          }
          if (compressed == MAX32) {
            compressed = longIn(directory, value, field + 4 + length, name);
            value += 8;
          }
          if (localOffset == MAX32) {
            localOffset = longIn(directory, value, field + 4 + length, name);
          }
        }
        field += 4 + length;
      }
      if ((flags & 0x0001) != 0) {
        throw TdfException.zipLimit("zip entry " + name, "encrypted zip entries are not read");
      }
      if (method != 0 || compressed != size) {
        throw TdfException.zipLimit("zip entry " + name, "only stored (uncompressed) entries are read; method " + method);
      }
      if (size < 0 || localOffset < 0 || localOffset + 30 > directoryOffset) {
        throw TdfException.zipCorrupt("zip entry " + name, "the entry lies outside the file");
      }
      ByteBuffer local = readAt(channel, localOffset, 30);
      if (local.getInt(0) != LOCAL) {
        throw TdfException.zipCorrupt("zip entry " + name, "no local header where the directory says");
      }
      int localName = local.getShort(26) & 0xFFFF;
      int localExtra = local.getShort(28) & 0xFFFF;
      long dataOffset = localOffset + 30 + localName + localExtra;
      if (localName != nameLength || !utf8(readAt(channel, localOffset + 30, localName), 0, localName, "zip entry").equals(name)) {
        throw TdfException.zipCorrupt("zip entry " + name, "the local header names another entry");
      }
      if (dataOffset + size > directoryOffset || dataOffset + size < dataOffset) {
        throw TdfException.zipCorrupt("zip entry " + name, "the entry's data runs into the central directory");
      }
      if (entries.put(name, new Entry(name, dataOffset, size, crc)) != null) {
        throw TdfException.zipCorrupt("zip entry " + name, "the name appears twice");
      }
      ranges.add(new long[] {localOffset, dataOffset + size});
      at = next;
    }
    ranges.sort(Comparator.comparingLong(range -> range[0]));
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
        throw TdfException.zipCorrupt("zip", "two entries overlap");
      }
    }
    return entries;
  }

  private static long longIn(ByteBuffer buffer, int at, int end, String name) {
    if (at + 8 > end) {
      throw TdfException.zipCorrupt("zip entry " + name, "a Zip64 extra field is too short");
    }
    return buffer.getLong(at);
  }

  private static String utf8(ByteBuffer buffer, int at, int length, String part) {
    byte[] bytes = new byte[length];
    buffer.get(at, bytes);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw TdfException.zipCorrupt(part, "an entry name is not UTF-8");
    }
  }

  /** Reads exactly {@code length} bytes at {@code position}; a short file is a corrupt zip. */
  static ByteBuffer readAt(SeekableByteChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, position, buffer);
    buffer.flip();
    return buffer;
  }

  static void readFully(SeekableByteChannel channel, long position, ByteBuffer buffer) throws IOException {
    channel.position(position);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw TdfException.zipCorrupt("zip", "the file ends before a range the directory names");
      }
    }
  }
}
