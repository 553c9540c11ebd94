"""Domain exceptions: each carries a one-line message fit to show a user."""


class DigestBotError(Exception):
    """Base class for errors the command line and the bot report as one clean line."""


class ConfigError(DigestBotError):
    """A setting is missing or malformed."""


class InputError(DigestBotError):
    """An input file or argument cannot be used (the reason says why)."""


class NotFoundError(DigestBotError):
    """A requested article, digest or week does not exist."""
