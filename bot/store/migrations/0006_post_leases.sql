-- Post leases: a claim 'posting' belongs to one process (lease_owner) for as long as it renews lease_until
-- (ISO UTC) while it posts. When the owner dies, another process (or the same one restarted) takes the claim
-- over once the lease has run out, or at once when the owner is known dead, and finishes the post: it first
-- asks Discord which parts after last_message_id (or, before any part was recorded, after claimed_at) already
-- went out, since a crash can fall between Discord accepting a part and the claim recording it.
ALTER TABLE digest_posts ADD COLUMN lease_owner TEXT;
ALTER TABLE digest_posts ADD COLUMN lease_until TEXT;
-- The id of the last part recorded (message_id keeps the first), and when the claim was first taken.
ALTER TABLE digest_posts ADD COLUMN last_message_id INTEGER;
ALTER TABLE digest_posts ADD COLUMN claimed_at TEXT;
UPDATE digest_posts SET claimed_at = updated_at, last_message_id = message_id;
