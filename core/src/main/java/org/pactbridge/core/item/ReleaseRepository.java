package org.pactbridge.core.item;

import java.util.List;
import org.pactbridge.core.audit.AuditActor;

/**
 * Recorded decisions and releases. Recording a release that was {@code released} also adds the
 * recipient's holding, in the same transaction as the audit entry, which names {@code actor}: the user
 * who asked for the decision or made the release.
 */
public interface ReleaseRepository {

  void record(Release release, Holding recipientHolding, AuditActor actor);

  List<Release> releasesOf(ItemId item);
}
