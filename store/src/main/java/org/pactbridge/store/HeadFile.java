package org.pactbridge.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.pactbridge.core.audit.Checkpoint;

/**
 * The highest signed head of the audit chain that this instance has signed or seen, kept in a file
 * beside the node's keys ({@code audit-head}), outside the database: someone who truncates both the
 * entries and the checkpoints in the database is caught by it (docs/audit-chain.md, section 6).
 *
 * <p>Text, one field a line, each ended by LF:
 * <pre>
 * pactbridge-audit-head-v1
 * seq=&lt;n&gt;
 * hash=&lt;64 hex digits&gt;
 * at=&lt;instant&gt;
 * signer=&lt;base64 X.509 public key&gt;
 * signature=&lt;base64 Ed25519 signature of the checkpoint text&gt;
 * </pre>
 *
 * <p>A head that signs a Merkle tree head (a v2 checkpoint, written by every v3 commit) is kept as
 * {@code pactbridge-audit-head-v2}: the same lines with {@code root=<64 hex digits>} after {@code hash}.
 * Both are read.
 *
 * <p>The file only moves up: a head is written when its sequence number is higher than the file's. It is
 * written to a temporary file, forced to disk and renamed over the old one, owner-only, under a lock
 * file ({@code audit-head.lock}) so that several processes sharing the folder take turns, and under a
 * JVM-wide monitor per folder, as a process cannot hold two locks on one file. Writes happen off the
 * appending thread (a file write and its {@code fsync} cost more than the commit itself): {@link #offer}
 * hands the head to a single writer thread, which coalesces heads offered while it writes;
 * {@link #flush} waits for it. Thread-safe.
 */
final class HeadFile implements AutoCloseable {
  static final String FILE = "audit-head";
  static final String MAGIC = "pactbridge-audit-head-v1";
  static final String MAGIC_V2 = "pactbridge-audit-head-v2";
  private static final System.Logger LOG = System.getLogger(HeadFile.class.getName());
  private static final ConcurrentHashMap<Path, Object> FOLDER_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Object folderLock;
  private final Object pendingLock = new Object();
  private Checkpoint pending;
  private ExecutorService writer;

  HeadFile(Path dir) {
    this.file = dir.resolve(FILE).toAbsolutePath().normalize();
    this.folderLock = FOLDER_LOCKS.computeIfAbsent(file, path -> new Object());
  }

  Path path() {
    return file;
  }

  /** The head in the file, empty when there is none; a file that is not a head is a {@link StoreException}. */
  Optional<Checkpoint> read() {
    synchronized (folderLock) {
      return read(file);
    }
  }

  /** Reads a head file (this instance's or another's). */
  static Optional<Checkpoint> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw StoreException.corruptHeadFile(file, 0, "cannot be read (" + e.getMessage() + ")");
    }
    if (!text.endsWith("\n")) {
      throw StoreException.corruptHeadFile(file, (int) text.lines().count(), "the last line is not ended by LF (a half-written file?)");
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC) && !lines.get(0).equals(MAGIC_V2)) {
      throw StoreException.corruptHeadFile(file, 1, "expected '" + MAGIC + "' or '" + MAGIC_V2 + "'");
    }
    boolean v2 = lines.get(0).equals(MAGIC_V2);
    int expected = v2 ? 7 : 6;
    if (lines.size() != expected) {
      throw StoreException.corruptHeadFile(file, Math.min(lines.size(), expected) + 1, "expected " + expected + " lines, found " + lines.size());
    }
    String root = null;
    if (v2) {
      root = field(file, lines, 4, "root");
      lines = new java.util.ArrayList<>(lines);
      lines.remove(3);
    }
    String seqText = field(file, lines, 2, "seq");
    if (!seqText.matches("[1-9][0-9]{0,18}")) {
      throw StoreException.corruptHeadFile(file, 2, "seq is not a positive decimal");
    }
    Instant at;
    try {
      at = Instant.parse(field(file, lines, 4, "at"));
    } catch (DateTimeParseException e) {
      throw StoreException.corruptHeadFile(file, 4, "at is not an instant");
    }
    try {
      return Optional.of(new Checkpoint(Long.parseLong(seqText), field(file, lines, 3, "hash"), at, field(file, lines, 5, "signer"),
          field(file, lines, 6, "signature"), root));
    } catch (IllegalArgumentException e) {
      throw StoreException.corruptHeadFile(file, 3, e.getMessage());
    }
  }

  private static String field(Path file, List<String> lines, int lineNo, String name) {
    String line = lines.get(lineNo - 1);
    if (!line.startsWith(name + "=")) {
      throw StoreException.corruptHeadFile(file, lineNo, "expected '" + name + "='");
    }
    return line.substring(name.length() + 1);
  }

  static String text(Checkpoint head) {
    if (head.root() != null) {
      return MAGIC_V2 + "\nseq=" + head.seq() + "\nhash=" + head.hashHex() + "\nroot=" + head.root() + "\nat=" + head.at() + "\nsigner="
          + head.signerKey() + "\nsignature=" + head.signature() + "\n";
    }
    return MAGIC + "\nseq=" + head.seq() + "\nhash=" + head.hashHex() + "\nat=" + head.at() + "\nsigner=" + head.signerKey()
        + "\nsignature=" + head.signature() + "\n";
  }

  /** Hands a head to the writer; returns at once. A lower head than one already offered is ignored. */
  void offer(Checkpoint head) {
    synchronized (pendingLock) {
      if (pending != null && pending.seq() >= head.seq()) {
        return;
      }
      pending = head;
      if (writer == null) {
        writer = Executors.newSingleThreadExecutor(runnable -> {
          Thread thread = new Thread(runnable, "pactbridge-audit-head");
          thread.setDaemon(true);
          return thread;
        });
      }
      writer.execute(this::writePending);
    }
  }

  /** Waits until every head offered so far is in the file (or failed to be written, which is logged). */
  void flush() {
    ExecutorService current;
    synchronized (pendingLock) {
      current = writer;
    }
    if (current != null) {
      try {
        // the writer is one thread, first in first out: when this no-op has run, every earlier write has
        current.submit(() -> { }).get();
      } catch (java.util.concurrent.RejectedExecutionException | java.util.concurrent.ExecutionException e) {
        // closing: close() writes what is pending itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writePending();
  }

  private void writePending() {
    Checkpoint head;
    synchronized (pendingLock) {
      head = pending;
      pending = null;
    }
    if (head != null) {
      try {
        advance(head);
      } catch (StoreException e) {
        // The operation that signed this head is committed; a head file that lags behind weakens the
        // truncation check until the next write, it does not make the chain wrong.
        LOG.log(System.Logger.Level.ERROR, e.getMessage());
      }
    }
  }

  /**
   * Writes {@code head} if it is higher than the file's head, now, in this thread. A file whose head
   * has the same sequence number but another hash is left alone: it is evidence of a fork.
   */
  void advance(Checkpoint head) {
    synchronized (folderLock) {
      try {
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling(FILE + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          trySetPermissions(lockFile);
          FileLock lock = lockChannel.lock();
          try {
            writeIfHigher(head);
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw StoreException.headFileUnwritable(file, e);
      }
    }
  }

  /** Under both locks: replaces the file by {@code head} when the file's head is lower. */
  private void writeIfHigher(Checkpoint head) throws IOException {
    Optional<Checkpoint> current;
    try {
      current = read(file);
    } catch (StoreException unreadable) {
      LOG.log(System.Logger.Level.WARNING, unreadable.getMessage() + "; replacing it with the head of entry " + head.seq());
      current = Optional.empty();
    }
    if (current.isPresent() && current.get().seq() >= head.seq()) {
      return;
    }
    Path temp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(temp); // left by a process killed while writing: only a holder of the lock writes it
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      trySetPermissions(temp);
      out.write(ByteBuffer.wrap(text(head).getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void trySetPermissions(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's ACLs apply
    }
  }

  /** Writes what is pending and stops the writer thread. */
  @Override
  public void close() {
    ExecutorService stopping;
    synchronized (pendingLock) {
      stopping = writer;
      writer = null;
    }
    if (stopping != null) {
      stopping.shutdown();
      try {
        stopping.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writePending();
  }
}
