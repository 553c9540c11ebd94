"""Domain exceptions: each carries a one-line message fit to show a user."""


class DigestBotError(Exception):
    """Base class for errors the command line and the bot report as one clean line."""


class ConfigError(DigestBotError):
    """A setting is missing or malformed."""


class InputError(DigestBotError):
    """An input file or argument cannot be used (the reason says why)."""


class NotFoundError(DigestBotError):
    """A requested article, digest or week does not exist."""


class StoreError(DigestBotError):
    """The database cannot be used as it is: damaged, read-only, busy, or not a database file."""


class SourceGoneError(DigestBotError):
    """A source was removed while its articles were being saved."""
