"""The Discord adapter: slash commands and scheduled weekly digests over the same services as the CLI."""
