-- Article links: one stored article (one per text) may be carried by many sources, of many servers.
--
-- Before, an article belonged to the one source that stored it first, so a second server whose own feed
-- carried the same text never saw it. Now each source item that holds an article is a link, and a server
-- sees an article when ANY of its links is from a shared source (guild 0) or from one of its own.
--
-- A link is one item of one source: its key (file name, feed GUID or url_key of its URL), the hash of the
-- item as last read (to skip unchanged items) and its feed GUID. articles.source_id/source_key stay as the
-- article's primary link, kept pointing at a surviving link when a source goes; an article is deleted (with
-- its sentences, quotes and FTS rows, by cascade and trigger) only when its last link goes.
--
-- Digests: `id` numbers links in the order they were made, and a digest covers a range of link ids
-- (digests.first_link/last_link). A server's digest holds the articles whose first link it can see falls in
-- the range: an article another server stored months ago enters this server's digest in the week its own
-- feed brought it, and an article it could already see does not come back when one more source carries it.
-- Backfilled links take their article's id, so the ranges of digests made before keep their meaning.
CREATE TABLE article_sources (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    source_key      TEXT NOT NULL,
    raw_hash        TEXT NOT NULL,
    guid            TEXT,
    UNIQUE (source_id, source_key)
);
-- The visibility check: an article's links, each joined to its source by primary key.
CREATE INDEX article_sources_article ON article_sources (article_id, source_id);
-- An item's stored copy, by URL key across sources and by GUID within its feed.
CREATE INDEX article_sources_key ON article_sources (source_key);
CREATE INDEX article_sources_guid ON article_sources (source_id, guid) WHERE guid IS NOT NULL;

INSERT INTO article_sources (id, article_id, source_id, source_key, raw_hash, guid)
SELECT id, id, source_id, source_key, raw_hash, guid FROM articles;

-- Per-item state now lives on the links only.
DROP INDEX articles_source_key;
DROP INDEX articles_guid;
ALTER TABLE articles DROP COLUMN guid;
ALTER TABLE articles DROP COLUMN raw_hash;

ALTER TABLE digests RENAME COLUMN first_article_id TO first_link;
ALTER TABLE digests RENAME COLUMN last_article_id TO last_link;
