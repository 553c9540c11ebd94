"""One cog per slash-command group, each loaded as an extension with `async def setup(bot)`."""
