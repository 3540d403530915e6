-- The agreement a holding came under (issue 19): the agreement the permit relied on for the last hop to
-- the holder, recorded when the item is released. A recipient that received an item while that agreement
-- was in force keeps the right to open it after the agreement ends (protection duties survive
-- termination), so the key access service reads it. NULL for the originator's own copy and for every
-- holding recorded before this column.
ALTER TABLE holding ADD COLUMN agreement_id VARCHAR(80);
