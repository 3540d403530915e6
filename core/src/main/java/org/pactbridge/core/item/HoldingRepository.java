package org.pactbridge.core.item;

import java.util.List;

/** Who holds which item. Holdings are added, never changed or removed. */
public interface HoldingRepository {

  void add(Holding holding);

  /** Holdings of one item, oldest first. */
  List<Holding> holdingsOf(ItemId item);
}
