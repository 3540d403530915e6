-- Items imported from ZTDF archives (issue 19): what the archive said about the item besides its label,
-- for the item's page and the audit. One row per imported item; the policy uuid identifies the archive
-- (one export), so the same archive is not imported twice. The labels are STANAG 4774 XML (markings,
-- never content or title); the assertions column lists "id=VERIFIED" or "id=REASON" lines as checked at
-- import. The recipient, level, agreement and instant are those of the alternative label, if any.
CREATE TABLE item_archive (
  item_id VARCHAR(64) PRIMARY KEY REFERENCES item (id),
  policy_uuid VARCHAR(64) NOT NULL UNIQUE,
  form VARCHAR(16) NOT NULL,
  imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  signer_kid VARCHAR(128),
  originator_label VARCHAR(100000) NOT NULL,
  alternative_label VARCHAR(100000),
  alt_recipient VARCHAR(16),
  alt_level VARCHAR(128),
  alt_agreement VARCHAR(128),
  alt_decided_at TIMESTAMP WITH TIME ZONE,
  assertions VARCHAR(4000) NOT NULL
);
