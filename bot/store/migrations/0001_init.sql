-- Sources: folders, feeds and pages. guild_id 0 means shared by every server (added by the operator).
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('folder', 'feed', 'page')),
    location        TEXT NOT NULL,
    name            TEXT NOT NULL,
    guild_id        INTEGER NOT NULL DEFAULT 0,
    enabled         INTEGER NOT NULL DEFAULT 1,
    etag            TEXT,
    last_modified   TEXT,
    last_success    TEXT,
    last_error      TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    UNIQUE (guild_id, location)
);

-- Articles: source_key is the file name, feed GUID or normalised URL within its source.
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    source_key      TEXT NOT NULL,
    url             TEXT,
    raw_hash        TEXT NOT NULL,
    content_hash    TEXT NOT NULL UNIQUE,
    title           TEXT,
    published       TEXT,
    author          TEXT,
    publisher       TEXT,
    body            TEXT NOT NULL,
    ingested_at     TEXT NOT NULL,
    UNIQUE (source_id, source_key)
);

CREATE TABLE sentences (
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    paragraph       INTEGER NOT NULL,
    text            TEXT NOT NULL,
    in_summary      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

-- One row per canonical person; key is bot.core.quotes.speaker_key(name).
CREATE TABLE speakers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    key             TEXT NOT NULL UNIQUE
);

CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id      INTEGER REFERENCES speakers(id),
    role            TEXT,
    text            TEXT NOT NULL,
    partial         INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    sort_date       TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker_date ON quotes (speaker_id, partial, sort_date);
CREATE INDEX quotes_date ON quotes (partial, sort_date);

-- Short lines counted across articles: a line repeated in many articles is page furniture.
CREATE TABLE line_counts (
    key             TEXT PRIMARY KEY,
    articles        INTEGER NOT NULL
) WITHOUT ROWID;

-- A digest covers articles with first_article_id < id <= last_article_id.
CREATE TABLE digests (
    id                  INTEGER PRIMARY KEY,
    guild_id            INTEGER NOT NULL DEFAULT 0,
    week                TEXT NOT NULL,
    first_article_id    INTEGER NOT NULL,
    last_article_id     INTEGER NOT NULL,
    created_at          TEXT NOT NULL,
    UNIQUE (guild_id, week)
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content='articles', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- `who` holds "s<speaker id>" so a speaker-and-topic look-up is one FTS intersection.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, who, content='', tokenize='porter unicode61'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, who) VALUES (new.id, new.text, 's' || coalesce(new.speaker_id, 0));
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, who)
    VALUES ('delete', old.id, old.text, 's' || coalesce(old.speaker_id, 0));
END;
