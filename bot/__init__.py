"""digestbot: a self-hosted Discord bot that digests sector news."""

__version__ = "0.1.0"
