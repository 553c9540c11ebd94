"""Direct quotations and who said them: marks find the quoted text, people resolve the speakers."""

from bot.core.quotes.marks import extract_quotes
from bot.core.quotes.people import speaker_key

__all__ = ["extract_quotes", "speaker_key"]
