"""Everything that touches the network: URL checks, fetching, feeds, article pages."""
