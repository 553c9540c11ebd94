"""Who holds a lease in the database (a source's poll, a week's post), and whether that holder is gone.

Several processes, on one host or several, may share the database: a lease names its holder by host,
process and store, so a holder that died on this host is known at once and its lease taken over.
"""

from __future__ import annotations

import os
import socket

from bot.store import Store


def lease_owner(store: Store) -> str:
    """Who holds a lease taken through `store`: this host, process and store."""
    return f"{socket.gethostname()}:{os.getpid()}:{id(store)}"


def dead_on_this_host(owner: str) -> bool:
    """Whether a lease holder is a process of this host that no longer runs (killed, crashed)."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # it runs, as another user
        return False
    return False
