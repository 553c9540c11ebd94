-- As SQLite migration 0005: a poller leases a source before fetching it (see bot/store/sources.py).
ALTER TABLE sources ADD COLUMN lease_owner TEXT;
ALTER TABLE sources ADD COLUMN lease_until TEXT;
