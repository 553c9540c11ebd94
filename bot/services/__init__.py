"""The one door both adapters (command line and Discord) use: ingest, poll, sources, digests, look-ups."""
