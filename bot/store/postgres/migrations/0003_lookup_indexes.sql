-- Look-ups under 10 ms at 100,000 articles (see bot/store/postgres/search.py).
--
-- A search ranks its newest 2,000 matches, reading each one's tsvector. In `articles` that vector (about
-- 2.5 kB compressed) is moved out of line to the TOAST table, and fetching it back from there was most of a
-- search's time. Here each article's vector has a narrow table of its own that keeps it in the row
-- (STORAGE MAIN, rows up to a page before anything is moved out), so ranking reads one heap page per match.
-- A trigger keeps it in step with the title and body, as the generated column did; that column and its
-- index go, so the vectors are not stored twice.
CREATE TABLE article_search (
    id      BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    search  tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE article_search ALTER COLUMN search SET STORAGE MAIN;

INSERT INTO article_search (id, search) SELECT id, search FROM articles;
-- The words and the id's bands (see the newest-first functions below). No pending list (fastupdate): every
-- look-up would read all of it, up to 4 MB of the latest articles' entries, and each ingest is one insert.
CREATE INDEX article_search_gin ON article_search USING gin (search, (ARRAY[(id >> 10)::int, -(id >> 14)::int - 1]))
    WITH (fastupdate = off);
ALTER TABLE articles DROP COLUMN search;

-- Title weighs A and body B: a search ranks a match in the title above one in the body, as FTS5's bm25 does.
CREATE FUNCTION article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_search (id, search) VALUES (NEW.id,
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('english', NEW.body), 'B'))
    ON CONFLICT (id) DO UPDATE SET search = excluded.search;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_search_added AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION article_search_vector();
CREATE TRIGGER articles_search_changed AFTER UPDATE OF title, body ON articles
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION article_search_vector();

-- Newest-first matches. A GIN index returns its matches in no order, so "the newest N matches" meant fetching
-- and sorting every match of a common word. These functions take ids in steps counted back from the newest,
-- until enough are found or the oldest id is passed. Each vector index holds, beside the words, the id's band
-- (1,024 consecutive ids: id >> 10) and its run of 16 bands (id >> 14, stored negative), so one index scan
-- ANDs the word with the few band and run keys of a step inside GIN: the bitmap holds only the step's
-- matches. An id range ANDed from a second index cost more: 8 ms of primary-key bitmap for a 45,000-id step,
-- or a BRIN bitmap that made every page lossy and every row rechecked; and each step read the word's whole
-- posting list, some 4 ms for a word in one article of ten. The first step spans as many ids as matches are
-- wanted for articles (whose every match in a step is ranked, so a step should hold few more than it keeps),
-- 16 times as many for quotations (a common word is in one quotation of sixteen); each next step is as wide
-- as the density of matches so far says the rest needs and a quarter more, or eight times wider when nothing
-- matched yet; the last one, reaching the oldest id, drops the bands. So a common word stops in one or two
-- steps and a step's rows are mostly ones it keeps; a rare word costs a few cheap index scans. EXECUTE plans
-- each step with its values. Index scans are off inside: walking the primary key backwards and testing each
-- row's vector looks cheap to the planner but reads every vector (in a measured case 38 ms for 781 rows,
-- where the bitmap took 3 ms); so the caller passes the newest id (`top`), since max() needs that index scan.
DROP INDEX quotes_search;
CREATE INDEX quotes_search ON quotes USING gin (search, (ARRAY[(id >> 10)::int, -(id >> 14)::int - 1]))
    WITH (fastupdate = off);

-- The width of the next step in ids: the ids the rest should take at the density seen so far, a quarter more
-- (and never fewer ids than are wanted in all, so a thin tail does not take many small steps).
CREATE FUNCTION next_band(width BIGINT, scanned BIGINT, found INTEGER, wanted INTEGER)
RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN found = 0 THEN width * 8
                ELSE greatest(wanted, (wanted - found)::BIGINT * scanned * 5 / (found * 4) + 1) END
$$;

-- The band keys that cover bands `low` to `high`: each run of 16 bands (id >> 14, kept negative: -1 - run)
-- by one key, the bands at either end by their own, so a step wide in ids is still a few posting lists.
CREATE FUNCTION band_cover(low INTEGER, high INTEGER) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN first <= last THEN ARRAY(SELECT generate_series(low, first * 16 - 1))
                    || ARRAY(SELECT -generate_series(first, last) - 1)
                    || ARRAY(SELECT generate_series((last + 1) * 16, high))
                ELSE ARRAY(SELECT generate_series(low, high)) END
    FROM (SELECT (low + 15) >> 4 AS first, ((high + 1) >> 4) - 1 AS last) runs
$$;

-- The id condition of a step taking bands `low` to `high`: the bands, or (the last step) every older id.
CREATE FUNCTION band_clause(low BIGINT, alias TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN low = 0 THEN ' AND ' || alias || 'id < $2'
                ELSE ' AND ARRAY[(' || alias || 'id >> 10)::int, -(' || alias || 'id >> 14)::int - 1] && $3' END
$$;

-- A search: the newest `wanted` matches a server may see (guild NULL: every article; the rule of
-- bot/store/sql.py visible_to), each with its ts_rank under `weights`, normalised by length as before. The
-- rank is taken as the step's rows are read, so each candidate's row is read once.
CREATE FUNCTION newest_article_matches(query tsquery, weights REAL[], guild BIGINT, wanted INTEGER, top BIGINT)
RETURNS TABLE (id BIGINT, score REAL) LANGUAGE plpgsql STABLE ROWS 2000 SET enable_indexscan = off AS $$
DECLARE
    high   BIGINT := top >> 10;  -- the newest band not taken yet
    low    BIGINT;
    width  BIGINT := greatest(wanted, 1);
    found  INTEGER := 0;
    got    INTEGER;
BEGIN
    WHILE high >= 0 AND found < wanted LOOP
        low := greatest(high - (width + 1023) / 1024 + 1, 0);
        RETURN QUERY EXECUTE
            'SELECT s.id, ts_rank($6, s.search, $1, 1) FROM article_search s WHERE s.search @@ $1'
            || band_clause(low, 's.')
            || CASE WHEN guild IS NULL THEN '' ELSE ' AND EXISTS (SELECT 1 FROM article_sources vl'
                ' WHERE vl.article_id = s.id AND (SELECT vs.guild_id FROM sources vs WHERE vs.id = vl.source_id)'
                ' IN (0, $4))' END
            || ' ORDER BY s.id DESC LIMIT $5'
            USING query, (high + 1) << 10, band_cover(low::int, high::int), guild, wanted - found,
                  weights;
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        high := low - 1;
        width := next_band(width, top - (low << 10) + 1, found, wanted);
    END LOOP;
END $$;

-- A topic look-up: the newest `wanted` quotations matching (and said by one of `speakers`, unless NULL).
CREATE FUNCTION newest_quote_matches(query tsquery, speakers BIGINT[], wanted INTEGER, top BIGINT)
RETURNS SETOF BIGINT LANGUAGE plpgsql STABLE ROWS 500 SET enable_indexscan = off AS $$
DECLARE
    high   BIGINT := top >> 10;
    low    BIGINT;
    width  BIGINT := greatest(wanted, 1) * 16;
    found  INTEGER := 0;
    got    INTEGER;
BEGIN
    WHILE high >= 0 AND found < wanted LOOP
        low := greatest(high - (width + 1023) / 1024 + 1, 0);
        RETURN QUERY EXECUTE
            'SELECT id FROM quotes WHERE search @@ $1' || band_clause(low, '')
            || CASE WHEN speakers IS NULL THEN '' ELSE ' AND speaker_id = ANY($4)' END
            || ' ORDER BY id DESC LIMIT $5'
            USING query, (high + 1) << 10, band_cover(low::int, high::int), speakers,
                  wanted - found;
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        high := low - 1;
        width := next_band(width, top - (low << 10) + 1, found, wanted);
    END LOOP;
END $$;

-- A speaker's newest quotations straight off the index, date then id, with no sort of all their quotes.
CREATE INDEX quotes_speaker_newest ON quotes (speaker_id, partial, sort_date DESC, id DESC);
DROP INDEX quotes_speaker_date;
