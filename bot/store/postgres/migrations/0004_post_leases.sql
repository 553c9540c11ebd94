-- As SQLite migration 0006: a 'posting' claim is leased to one process, renewed while it posts, and taken
-- over (after asking Discord which parts went out) once its owner is gone (see bot/store/posts.py).
ALTER TABLE digest_posts ADD COLUMN lease_owner TEXT;
ALTER TABLE digest_posts ADD COLUMN lease_until TEXT;
ALTER TABLE digest_posts ADD COLUMN last_message_id BIGINT;
ALTER TABLE digest_posts ADD COLUMN claimed_at TEXT;
UPDATE digest_posts SET claimed_at = updated_at, last_message_id = message_id;
