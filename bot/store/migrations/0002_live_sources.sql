-- Live sources: which sources are polled, their back-off, and what de-duplicates articles across feeds.

-- 1 for sources `digestbot ingest` polls (added with `sources add`, and the seeds folder); 0 for folders and
-- pages ingested once by hand.
ALTER TABLE sources ADD COLUMN poll INTEGER NOT NULL DEFAULT 0;
UPDATE sources SET poll = 1 WHERE kind = 'feed';
-- When a failing source may be polled again (ISO UTC), and why it was disabled.
ALTER TABLE sources ADD COLUMN next_attempt TEXT;
ALTER TABLE sources ADD COLUMN disabled_reason TEXT;

-- The source_key of an article from a feed or page is bot.core.urls.url_key of its URL, so http/https,
-- www., trailing-slash and tracking-parameter variants share one key. Looked up across sources, so one
-- article is stored once whichever feed brings it.
CREATE INDEX articles_source_key ON articles (source_key);

-- The feed GUID an article arrived under: an item re-published at a new URL keeps its GUID.
ALTER TABLE articles ADD COLUMN guid TEXT;
CREATE INDEX articles_guid ON articles (source_id, guid) WHERE guid IS NOT NULL;
