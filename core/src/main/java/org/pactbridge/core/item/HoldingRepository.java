package org.pactbridge.core.item;

import java.util.List;
import org.pactbridge.core.audit.AuditActor;

/** Who holds which item. Holdings are added, never changed or removed; each addition is audited as done by an actor. */
public interface HoldingRepository {

  void add(Holding holding, AuditActor actor);

  /** Holdings of one item, oldest first. */
  List<Holding> holdingsOf(ItemId item);
}
