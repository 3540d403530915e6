-- A JOINT item names co-originators. When a user of one nation registers it, each other co-originator
-- nation is named here first, unconfirmed; until an originator or disclosure officer of that nation
-- confirms it (CO_ORIGINATOR_CONFIRMED in the audit), that nation's users do not see the item. The row
-- is written before the item, so a crash in between leaves a restriction on nothing, never an item
-- that a named nation sees unconfirmed. Items with no row here (imports by the node's operator, items
-- registered before this table) need no confirmation.
CREATE TABLE item_co_originator (
  item_id       VARCHAR(64)  NOT NULL,
  party         VARCHAR(8)   NOT NULL,
  named_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_by  VARCHAR(200),
  confirmed_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (item_id, party)
);
