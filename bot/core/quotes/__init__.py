"""Find direct quotations and who said them.

Layers, each importing only those before it: lexicon < kinds < phrases < names < organisations < clauses < people
< transcript < marks.
"""

from bot.core.quotes.marks import extract_quotes
from bot.core.quotes.names import speaker_key

__all__ = ["extract_quotes", "speaker_key"]
