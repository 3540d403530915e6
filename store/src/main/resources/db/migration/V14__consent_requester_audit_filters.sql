-- Schema version 14 (issue 24).
-- A consent request names the user who asked, not only their nation, so that a holder can list "my
-- requests" and an officer can see who is asking. Requests stored before this version keep NULL: the
-- nation that asked is still known (requester), the person is not.
ALTER TABLE consent_request ADD COLUMN requested_by_id VARCHAR(128);
ALTER TABLE consent_request ADD COLUMN requested_by_name VARCHAR(128);
CREATE INDEX consent_request_requested_by ON consent_request (requested_by_id);

-- The audit export filters by kind and by subject (an item or agreement id) through their columns;
-- with seq second, a page of one item's or one kind's entries is read in order from the index.
CREATE INDEX audit_entry_kind_seq ON audit_entry (kind, seq);
CREATE INDEX audit_entry_subject_seq ON audit_entry (subject, seq);
