-- Schema version 2: the logistics terms of a provisions version (ACSA categories, activities, area
-- restrictions, reimbursement, settlement), as the text LogisticsCodec writes; NULL when there are none.
ALTER TABLE provision_version ADD COLUMN logistics VARCHAR(16000);
