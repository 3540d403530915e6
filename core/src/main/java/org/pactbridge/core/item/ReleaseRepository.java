package org.pactbridge.core.item;

import java.util.List;

/**
 * Recorded decisions and releases. Recording a release that was {@code released} also adds the
 * recipient's holding, in the same transaction as the audit entry.
 */
public interface ReleaseRepository {

  void record(Release release, Holding recipientHolding);

  List<Release> releasesOf(ItemId item);
}
