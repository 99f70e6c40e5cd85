-- 0008: the roster's and the header's search look for part of a card number (`LIKE '%0981%'`),
-- which no index can seek, so SQLite reads every card. It read them from the table (a whole row
-- per card) in person order; this index holds just the number and the person, so the same search
-- reads a few small pages instead: at 100,000 people (129,000 cards) the search's share of a
-- roster query went from about 60 ms to 10 ms on the 2-core machine.
CREATE INDEX certificates_number_person ON certificates (cert_number, person_id);
