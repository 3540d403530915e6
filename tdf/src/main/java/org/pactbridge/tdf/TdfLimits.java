package org.pactbridge.tdf;

/**
 * What a reader accepts before it spends memory or time on an archive: the manifest's size (it is read
 * whole), the number of zip entries, the payload's size, and the largest plaintext segment (one segment
 * is held in memory at a time). Entries must be stored, not compressed, so an entry's size on disk is
 * its size: there is no expansion ratio to bound beyond 1.
 */
public record TdfLimits(long maxManifestBytes, int maxEntries, long maxPayloadBytes, int maxSegmentBytes) {
  public static final long MIB = 1024L * 1024;

  /** 1 MiB manifest, 16 entries, 64 GiB payload (the SDK's limit), 16 MiB segments. */
  public static final TdfLimits DEFAULT = new TdfLimits(MIB, 16, 64L * 1024 * MIB, (int) (16 * MIB));

  public TdfLimits {
    if (maxManifestBytes <= 0 || maxEntries < 2 || maxPayloadBytes < 0 || maxSegmentBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive, and an archive has two entries at least");
    }
  }
}
