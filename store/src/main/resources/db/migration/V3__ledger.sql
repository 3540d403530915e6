-- Schema version 3: the settlement ledger of logistics support (docs/logistics.md). Double-entry and
-- append-only: rows are inserted, never updated or deleted. The primary key on sequence makes a second
-- writer with the same sequence fail (LedgerConflictException). Balances are derived, never stored.
-- quantity is the decimal as written (kept exactly, scale included); amounts are in the currency's minor digits.

CREATE TABLE ledger_entry (
  sequence BIGINT PRIMARY KEY,
  type VARCHAR(16) NOT NULL,
  agreement VARCHAR(200) NOT NULL,
  supplier VARCHAR(4) NOT NULL,
  receiver VARCHAR(4) NOT NULL,
  category VARCHAR(64),
  quantity VARCHAR(64),
  amount DECIMAL(38, 4) NOT NULL,
  currency VARCHAR(3) NOT NULL,
  mode VARCHAR(32),
  refers BIGINT REFERENCES ledger_entry (sequence),
  entry_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_posting (
  sequence BIGINT NOT NULL REFERENCES ledger_entry (sequence),
  line_no INT NOT NULL,
  party VARCHAR(4) NOT NULL,
  account VARCHAR(16) NOT NULL,
  amount DECIMAL(38, 4) NOT NULL,
  currency VARCHAR(3) NOT NULL,
  PRIMARY KEY (sequence, line_no)
);
