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
CREATE INDEX article_search_gin ON article_search USING gin (search);
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
-- and sorting every match of a common word. These functions take ids in bands counted back from the newest,
-- each band one bitmap scan of the GIN index ANDed with a primary-key range, until enough are found or the
-- oldest id is passed. The first band holds as many ids as matches are wanted for articles (whose every match
-- in a band is ranked, so a band should hold few more than it keeps), 16 times as many for quotations (a
-- common word is in one quotation of sixteen); each next band is as wide as the density of matches so far
-- says the rest needs and a quarter more, or eight times wider when nothing matched yet. So a common word stops in one or two bands and a band's rows are mostly ones it
-- keeps; a rare word costs a few cheap index scans. EXECUTE plans each band with its values. Index scans are
-- off inside: walking the primary key backwards and testing each row's vector looks cheap to the planner
-- but reads every vector (in a measured case 38 ms for 781 rows, where the bitmap took 3 ms); so the caller
-- passes the newest id (`top`), since max() needs that index scan.

-- The width of the next band: the ids the rest should take at the density seen so far, a quarter more (and
-- never fewer ids than are wanted in all, so a thin tail does not take many small bands).
CREATE FUNCTION next_band(width BIGINT, scanned BIGINT, found INTEGER, wanted INTEGER)
RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN found = 0 THEN width * 8
                ELSE greatest(wanted, (wanted - found)::BIGINT * scanned * 5 / (found * 4) + 1) END
$$;

-- A search: the newest `wanted` matches a server may see (guild NULL: every article; the rule of
-- bot/store/sql.py visible_to), each with its ts_rank under `weights`, normalised by length as before. The
-- rank is taken as the band's rows are read, so each candidate's row is read once.
CREATE FUNCTION newest_article_matches(query tsquery, weights REAL[], guild BIGINT, wanted INTEGER, top BIGINT)
RETURNS TABLE (id BIGINT, score REAL) LANGUAGE plpgsql STABLE ROWS 2000 SET enable_indexscan = off AS $$
DECLARE
    high   BIGINT := top;
    width  BIGINT := greatest(wanted, 1);
    found  INTEGER := 0;
    got    INTEGER;
BEGIN
    WHILE high > 0 AND found < wanted LOOP
        RETURN QUERY EXECUTE
            'SELECT s.id, ts_rank($6, s.search, $1, 1) FROM article_search s'
            ' WHERE s.search @@ $1 AND s.id > $2 AND s.id <= $3'
            || CASE WHEN guild IS NULL THEN '' ELSE ' AND EXISTS (SELECT 1 FROM article_sources vl'
                ' WHERE vl.article_id = s.id AND (SELECT vs.guild_id FROM sources vs WHERE vs.id = vl.source_id)'
                ' IN (0, $4))' END
            || ' ORDER BY s.id DESC LIMIT $5'
            USING query, high - width, high, guild, wanted - found, weights;
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        high := high - width;
        width := next_band(width, top - high, found, wanted);
    END LOOP;
END $$;

-- A topic look-up: the newest `wanted` quotations matching (and said by one of `speakers`, unless NULL).
CREATE FUNCTION newest_quote_matches(query tsquery, speakers BIGINT[], wanted INTEGER, top BIGINT)
RETURNS SETOF BIGINT LANGUAGE plpgsql STABLE ROWS 500 SET enable_indexscan = off AS $$
DECLARE
    high   BIGINT := top;
    width  BIGINT := greatest(wanted, 1) * 16;
    found  INTEGER := 0;
    got    INTEGER;
BEGIN
    WHILE high > 0 AND found < wanted LOOP
        RETURN QUERY EXECUTE
            'SELECT id FROM quotes WHERE search @@ $1 AND id > $2 AND id <= $3'
            || CASE WHEN speakers IS NULL THEN '' ELSE ' AND speaker_id = ANY($4)' END
            || ' ORDER BY id DESC LIMIT $5'
            USING query, high - width, high, speakers, wanted - found;
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        high := high - width;
        width := next_band(width, top - high, found, wanted);
    END LOOP;
END $$;

-- A speaker's newest quotations straight off the index, date then id, with no sort of all their quotes.
CREATE INDEX quotes_speaker_newest ON quotes (speaker_id, partial, sort_date DESC, id DESC);
DROP INDEX quotes_speaker_date;
