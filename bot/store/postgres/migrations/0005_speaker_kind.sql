-- Whether each quotation's speaker is a person or an organisation ("the council said"), as the quote
-- code decided from the attribution. Kept per quotation, since one name can be both (an organisation
-- quoted in one article, a person of the same name in another): a speaker's kind is that of most of
-- their quotations. NULL is unknown.
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT CHECK (speaker_kind IN ('person', 'organisation'));

-- Quotations stored before this: one with a role was said by a person (organisations are given no role).
-- The rest stay NULL (unknown) until their article is ingested again.
UPDATE quotes SET speaker_kind = 'person' WHERE speaker_id IS NOT NULL AND role IS NOT NULL;
