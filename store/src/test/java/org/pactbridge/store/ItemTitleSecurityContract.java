package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.world.WorldLoader;

/**
 * An item's title is protected like its content: stored sealed, read back only through the store, never
 * written to the audit chain, and bound to its item so that a sealed title cannot be read as another's or
 * as content. Run on H2 and PostgreSQL.
 */
abstract class ItemTitleSecurityContract extends AuditStoreFixture {
  static final String TITLE = "Hwasong-18 launch window at Sohae";
  static final String CONTENT = "launch window 0400-0600";

  JdbcItemRepository.Draft draft() {
    Registry world = WorldLoader.reference();
    PartyCode kor = PartyCode.of("KOR");
    return new JdbcItemRepository.Draft(List.of(kor), world.requireParty(kor).findLevel("II", T0).orElseThrow(),
        Releasability.relTo(List.of("USA", "JPN")), false, Set.of(Topic.of("dprk-missile")), null, "//KOR II//REL TO USA, JPN");
  }

  Item register(String title) {
    return store.items().register(draft(), CONTENT.getBytes(StandardCharsets.UTF_8), ItemTitle.of(title), T0, KIM);
  }

  @Test
  void aTitleIsStoredSealedAndReadBack() throws Exception {
    Item item = register(TITLE);
    assertThat(store.items().title(item.id()).value()).isEqualTo(TITLE);
    reopen();
    assertThat(store.items().title(item.id()).value()).isEqualTo(TITLE);
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT ciphertext FROM item_title WHERE item_id = ?")) {
      select.setString(1, item.id().value());
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("Hwasong").doesNotContain("Sohae");
      }
    }
  }

  @Test
  void theAuditChainNeverCarriesTheTitle() {
    Item item = register(TITLE);
    List<AuditEntry> entries = store.audit().entries(1, 1000);
    assertThat(entries).extracting(entry -> entry.event().kind()).contains("ITEM_ADDED");
    for (AuditEntry entry : entries) {
      assertThat(new String(entry.body(), StandardCharsets.UTF_8)).doesNotContain("Hwasong").doesNotContain("Sohae");
    }
    assertThat(store.items().require(item.id()).toString()).doesNotContain("Hwasong");
  }

  @Test
  void itemsWithoutATitleReadAsNone() {
    Item untitled = store.items().register(draft(), CONTENT.getBytes(StandardCharsets.UTF_8), T0, KIM);
    assertThat(store.items().title(untitled.id())).isEqualTo(ItemTitle.NONE);
    assertThat(query("SELECT COUNT(*) FROM item_title")).isEqualTo("0");
  }

  @Test
  void manyTitlesAreReadInOneCallInTheOrderAsked() {
    List<ItemId> ids = new ArrayList<>();
    List<JdbcItemRepository.NewItem> batch = new ArrayList<>();
    for (int index = 0; index < 1203; index++) {
      batch.add(new JdbcItemRepository.NewItem(draft(), ("report " + index).getBytes(StandardCharsets.UTF_8),
          index % 3 == 0 ? ItemTitle.NONE : ItemTitle.of("report " + index)));
    }
    store.items().registerAll(batch, T0, KIM).forEach(item -> ids.add(item.id()));
    List<ItemId> asked = new ArrayList<>(ids);
    java.util.Collections.reverse(asked);
    asked.add(ItemId.of("no-such-item"));
    var titles = store.items().titles(asked);
    assertThat(titles.keySet()).containsExactlyElementsOf(asked.subList(0, ids.size()));
    assertThat(titles.get(ids.get(0))).isEqualTo(ItemTitle.NONE);
    assertThat(titles.get(ids.get(1)).value()).isEqualTo("report 1");
    assertThat(titles.get(ids.get(1202)).value()).isEqualTo("report 1202");
    assertThat(query("SELECT COUNT(*) FROM item_title")).isEqualTo("802");
  }

  @Test
  void aSealedTitleMovedToAnotherItemOrReadAsContentFailsAuthentication() {
    Item first = register(TITLE);
    Item second = register("another");
    TestDatabases.sql(config, "UPDATE item_title SET ciphertext = (SELECT ciphertext FROM item_title WHERE item_id = '" + first.id()
        + "'), title_iv = (SELECT title_iv FROM item_title WHERE item_id = '" + first.id() + "'), key_iv = (SELECT key_iv FROM item_title"
        + " WHERE item_id = '" + first.id() + "'), wrapped_key = (SELECT wrapped_key FROM item_title WHERE item_id = '" + first.id()
        + "') WHERE item_id = '" + second.id() + "'");
    assertThatThrownBy(() -> store.items().title(second.id()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("item " + second.id())
        .hasMessageNotContaining("Hwasong");
    // the first item's sealed title put in place of its content does not open as content either
    TestDatabases.sql(config, "UPDATE item_content SET ciphertext = (SELECT ciphertext FROM item_title WHERE item_id = '" + first.id()
        + "'), content_iv = (SELECT title_iv FROM item_title WHERE item_id = '" + first.id() + "'), key_iv = (SELECT key_iv FROM item_title"
        + " WHERE item_id = '" + first.id() + "'), wrapped_key = (SELECT wrapped_key FROM item_title WHERE item_id = '" + first.id()
        + "') WHERE item_id = '" + first.id() + "'");
    assertThatThrownBy(() -> store.items().content(first.id())).isInstanceOf(StoreException.class);
    assertThat(store.items().title(first.id()).value()).isEqualTo(TITLE);
  }

  @Test
  void anUnknownItemHasNoTitle() {
    assertThatThrownBy(() -> store.items().title(ItemId.of("no-such-item"))).isInstanceOf(StoreException.class);
  }
}
