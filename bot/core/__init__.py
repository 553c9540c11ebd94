"""The news pipeline, pure: text in, data out. Nothing in here touches the network, SQL or Discord."""
