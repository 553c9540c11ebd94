-- Poll leases: several `digestbot poll` processes may share one database (PostgreSQL, see README "Scaling
-- out"); a poller takes a source's lease before fetching it, so no two fetch it at once, and the lease
-- runs out on its own (lease_until, ISO UTC) if the poller dies holding it.
ALTER TABLE sources ADD COLUMN lease_owner TEXT;
ALTER TABLE sources ADD COLUMN lease_until TEXT;
