"""Find direct quotations and who said them (layers: lexicon < kinds < phrases < clauses < people < marks)."""

from bot.core.quotes.marks import extract_quotes
from bot.core.quotes.people import speaker_key

__all__ = ["extract_quotes", "speaker_key"]
