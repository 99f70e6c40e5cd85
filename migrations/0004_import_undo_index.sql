-- 0004: undo of a large import deletes every certificate the import added. Each delete makes
-- SQLite look for rows whose foreign key certificates.replaces_id points at the deleted card; the
-- column had no index, so every lookup scanned the whole table and undoing 20,000 imported cards
-- took minutes (quadratic), 100,000 hours. With the index the same undo takes about 1.6 s.
CREATE INDEX certificates_replaces ON certificates (replaces_id);
