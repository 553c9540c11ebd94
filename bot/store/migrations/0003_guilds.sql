-- Per-server (Discord guild) state of the bot. Independent of 0002: only 0001's tables are referenced.

-- One row per server that configured anything; the schedule columns are all set or all NULL.
CREATE TABLE guild_settings (
    guild_id            INTEGER PRIMARY KEY,
    digest_channel_id   INTEGER,
    weekday             INTEGER CHECK (weekday BETWEEN 0 AND 6),  -- Monday = 0, as date.weekday()
    time_of_day         TEXT,                                      -- HH:MM, local to `timezone`
    timezone            TEXT,                                      -- IANA name such as Europe/London
    paused              INTEGER NOT NULL DEFAULT 0,
    alerts_channel_id   INTEGER,
    updated_at          TEXT NOT NULL
);

-- Words or phrases a server's digest must contain (include) or must not contain (exclude).
CREATE TABLE guild_filters (
    guild_id            INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('include', 'exclude')),
    phrase              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    PRIMARY KEY (guild_id, phrase)
) WITHOUT ROWID;

-- The exactly-once record of a weekly post: claimed ('posting') before the first message is sent,
-- advanced part by part, then 'posted'. 'failed' is retried automatically; 'blocked' waits for a person.
CREATE TABLE digest_posts (
    guild_id            INTEGER NOT NULL,
    week                TEXT NOT NULL,
    channel_id          INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed', 'blocked')),
    parts_sent          INTEGER NOT NULL DEFAULT 0,
    thread_id           INTEGER,
    message_id          INTEGER,
    attempts            INTEGER NOT NULL DEFAULT 0,
    error               TEXT,
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (guild_id, week)
) WITHOUT ROWID;

-- Alerts already told to a server, so each is told once (key: 'source:<id>' or 'digest:<week>').
CREATE TABLE guild_alerts (
    guild_id            INTEGER NOT NULL,
    key                 TEXT NOT NULL,
    sent_at             TEXT NOT NULL,
    PRIMARY KEY (guild_id, key)
) WITHOUT ROWID;
