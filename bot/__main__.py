"""Allow `python -m bot` to behave exactly like the `digestbot` command."""

import sys

from bot.cli import main

sys.exit(main())
