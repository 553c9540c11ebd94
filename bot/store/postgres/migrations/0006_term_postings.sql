-- Look-ups from posting lists (see bot/store/postgres/search.py): each word's matches, newest first, straight
-- off one B-tree.
--
-- Migration 0003 found the newest matches of a word with GIN scans in steps of ids, then read each match's
-- row to rank it or to check it. At 100,000 articles that heap read was most of a search (2,000 rows on
-- 1,800 pages: about 8 ms on warm buffers) and a topic look-up took up to 16 ms. Here every (word, article)
-- and (word, quotation) pair is a row of a table whose primary key holds the word, the id and (for articles)
-- the word's rank in that article: the newest N matches of a word are N consecutive index entries, read
-- without the table (an index-only scan), and several words are index scans merged on the id.
--
-- The rank is ts_rank with the weights and length normalisation of 0003 (title A 1.0, body B 0.2; divided
-- by the log of the length), taken for the word alone when the article is stored. A search of several
-- words adds its words' ranks: what ts_rank does for words ORed, and what FTS5's bm25 does.
CREATE FUNCTION article_vector(title TEXT, body TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
$$;

-- One lexeme as a query on its own: quoted as tsquery input wants (quote and backslash escaped).
CREATE FUNCTION lexeme_query(lexeme TEXT) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
    SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery
$$;

-- An article's words, each with its rank in the article.
CREATE FUNCTION article_words(title TEXT, body TEXT) RETURNS TABLE (word TEXT, score REAL)
LANGUAGE sql IMMUTABLE AS $$
    SELECT t.lexeme, ts_rank('{0.1, 0.1, 0.2, 1.0}', v, lexeme_query(t.lexeme), 1)
    FROM article_vector(title, body) v, unnest(v) t
$$;

CREATE TABLE article_terms (
    word        TEXT NOT NULL,
    article_id  BIGINT NOT NULL,
    score       REAL NOT NULL,
    PRIMARY KEY (word, article_id) INCLUDE (score)
);
-- A quotation's row also holds what a topic look-up filters and orders its newest matches by (speaker,
-- article, partial, date), so that only the page it shows is read from quotes.
CREATE TABLE quote_terms (
    word        TEXT NOT NULL,
    quote_id    BIGINT NOT NULL,
    speaker_id  BIGINT,
    article_id  BIGINT NOT NULL,
    partial     INTEGER NOT NULL,
    sort_date   TEXT NOT NULL,
    PRIMARY KEY (word, quote_id) INCLUDE (speaker_id, article_id, partial, sort_date)
);
-- Index-only scans skip the table only for pages marked all-visible, which VACUUM does: vacuum after every
-- 10,000 new rows (about 70 articles) rather than after a fifth of the table, so the newest entries, the
-- ones every look-up reads, are soon read from the index alone.
ALTER TABLE article_terms SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
ALTER TABLE quote_terms SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
-- How many rows a word has decides how its list is merged with another's (read both in order, or look the
-- rarer one's ids up in the other's): keep the 1,000 commonest words' counts, not the default 100's.
ALTER TABLE article_terms ALTER COLUMN word SET STATISTICS 1000;
ALTER TABLE quote_terms ALTER COLUMN word SET STATISTICS 1000;

-- Both tables built whole from articles and quotations: here, and by `migrate-to` after copying rows with
-- the triggers below off (row by row, a copy of 98,821 articles had not got through the articles after six
-- minutes). The keys are built once the rows are in: a sorted build packs the pages, where inserting in
-- article order leaves them part empty (1.0 GB against 0.64 GB for articles at 100,000) and takes longer.
CREATE FUNCTION fill_terms() RETURNS void LANGUAGE plpgsql SET maintenance_work_mem = '256MB' AS $$
BEGIN
    ALTER TABLE article_terms DROP CONSTRAINT article_terms_pkey;
    ALTER TABLE quote_terms DROP CONSTRAINT quote_terms_pkey;
    TRUNCATE article_terms, quote_terms;
    INSERT INTO article_terms (word, article_id, score)
        SELECT w.word, a.id, w.score FROM articles a, article_words(a.title, a.body) w;
    INSERT INTO quote_terms (word, quote_id, speaker_id, article_id, partial, sort_date)
        SELECT t.lexeme, q.id, q.speaker_id, q.article_id, q.partial, q.sort_date
        FROM quotes q, unnest(to_tsvector('english', q.text)) t;
    ALTER TABLE article_terms ADD PRIMARY KEY (word, article_id) INCLUDE (score);
    ALTER TABLE quote_terms ADD PRIMARY KEY (word, quote_id) INCLUDE (speaker_id, article_id, partial, sort_date);
    ANALYZE article_terms;
    ANALYZE quote_terms;
END $$;
SELECT fill_terms();

-- Kept in step by triggers. No foreign key: deleting an article or quotation removes its rows by their
-- words (the key), where a cascade would need a second index on the id over every row.
CREATE FUNCTION article_terms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM article_terms
        WHERE word = ANY (tsvector_to_array(article_vector(OLD.title, OLD.body))) AND article_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO article_terms (word, article_id, score)
        SELECT w.word, NEW.id, w.score FROM article_words(NEW.title, NEW.body) w;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_terms_added AFTER INSERT OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION article_terms_changed();
CREATE TRIGGER articles_terms_changed AFTER UPDATE OF title, body ON articles
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION article_terms_changed();

CREATE FUNCTION quote_terms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM quote_terms
        WHERE word = ANY (tsvector_to_array(to_tsvector('english', OLD.text))) AND quote_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO quote_terms (word, quote_id, speaker_id, article_id, partial, sort_date)
        SELECT t.lexeme, NEW.id, NEW.speaker_id, NEW.article_id, NEW.partial, NEW.sort_date
        FROM unnest(to_tsvector('english', NEW.text)) t;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER quotes_terms_added AFTER INSERT OR DELETE ON quotes
    FOR EACH ROW EXECUTE FUNCTION quote_terms_changed();
CREATE TRIGGER quotes_terms_changed AFTER UPDATE OF text, speaker_id, article_id, partial, sort_date ON quotes
    FOR EACH ROW WHEN ((OLD.text, OLD.speaker_id, OLD.article_id, OLD.partial, OLD.sort_date)
                       IS DISTINCT FROM (NEW.text, NEW.speaker_id, NEW.article_id, NEW.partial, NEW.sort_date))
    EXECUTE FUNCTION quote_terms_changed();

-- What 0003 built for the step-wise GIN scans goes: the vectors (now only read when rows are written),
-- their indexes and the functions.
DROP FUNCTION newest_article_matches(tsquery, REAL[], BIGINT, INTEGER, BIGINT);
DROP FUNCTION newest_quote_matches(tsquery, BIGINT[], INTEGER, BIGINT);
DROP FUNCTION band_clause(BIGINT, TEXT);
DROP FUNCTION band_cover(INTEGER, INTEGER);
DROP FUNCTION next_band(BIGINT, BIGINT, INTEGER, INTEGER);
DROP TRIGGER articles_search_added ON articles;
DROP TRIGGER articles_search_changed ON articles;
DROP FUNCTION article_search_vector();
DROP TABLE article_search;
ALTER TABLE quotes DROP COLUMN search;
