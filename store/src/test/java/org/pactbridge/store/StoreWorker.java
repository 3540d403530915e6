package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * A child process for the crash and concurrency tests: opens a store and writes in a loop, printing a
 * line after each commit. Arguments: {@code items|append url schema|- keyDir count name}.
 */
public final class StoreWorker {
  static final int BATCH = 200;

  private StoreWorker() {}

  public static void main(String[] args) throws java.io.IOException {
    String mode = args[0];
    StoreConfig config = StoreConfig.of(args[1], Path.of(args[3]));
    if (!args[2].equals("-")) {
      config = config.withSchema(args[2]);
    }
    int count = Integer.parseInt(args[4]);
    String name = args[5];
    try (Store store = Store.open(config)) {
      System.out.println("open");
      System.out.flush();
      if (mode.equals("items")) {
        PartyCode kor = PartyCode.of("KOR");
        Level level = new Level(kor, "II", 2, null, null, List.of());
        var draft = new JdbcItemRepository.Draft(List.of(kor), level, Releasability.relTo(List.of("USA")), false,
            Set.of(Topic.of("dprk-missile")), null, "//KOR II//REL TO USA");
        for (int batch = 0; batch < count; batch++) {
          List<JdbcItemRepository.NewItem> items = new ArrayList<>(BATCH);
          for (int i = 0; i < BATCH; i++) {
            items.add(new JdbcItemRepository.NewItem(draft, ("report " + batch + "/" + i).getBytes(StandardCharsets.UTF_8)));
          }
          store.items().registerAll(items, Instant.now(), AuditActor.user(name, name, PartyCode.of("KOR")));
          System.out.println("committed " + (batch + 1));
          System.out.flush();
        }
      } else {
        // wait for the test's "go", so that the writers start together
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
          store.audit().append(AuditEvent.of(Instant.now(), "WORKER_EVENT", AuditActor.user(name, name, PartyCode.of("KOR")), name + "-" + i));
        }
        System.out.println("done " + count);
      }
    }
  }
}
