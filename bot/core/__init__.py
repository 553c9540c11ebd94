"""The news pipeline. Nothing in here knows about Discord."""
