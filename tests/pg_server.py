"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder, on a free port.

Found under /usr/lib/postgresql/*/bin (the Debian package) or on PATH; tests that need it skip cleanly when
it is absent. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (or
`nobody`). Each test gets its own database, copied from a migrated template (fast: a file copy).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMPLATE = "digestbot_template"
_numbers = itertools.count(1)


def pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _runner() -> list[str]:
    """The command prefix that runs a program as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root with neither a postgres nor a nobody user")


class Cluster:
    """A running server; `new_database()` returns the URL of a fresh, migrated database."""

    def __init__(self, binaries: Path) -> None:
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="digestbot-pg-"))
        self.port = _free_port()
        self.base = f"postgresql://digestbot@127.0.0.1:{self.port}"
        self._as_user = _runner()

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.folder / "data"
        if self._as_user:
            user = self._as_user[2]
            shutil.chown(self.folder, user)
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "digestbot", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder}"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def psql(self, sql: str, database: str = "postgres") -> None:
        subprocess.run([str(self.bin / "psql"), "-q", "-v", "ON_ERROR_STOP=1", f"{self.base}/{database}",
                        "-c", sql], check=True, capture_output=True, timeout=120)

    def new_database(self, migrated: bool = True, template: str | None = None) -> str:
        """A fresh database: a copy of `template`, else migrated (or empty when not `migrated`)."""
        name = f"test_{os.getpid()}_{next(_numbers)}"
        source = template or (TEMPLATE if migrated else None)
        self.psql(f"CREATE DATABASE {name}" + (f" TEMPLATE {source}" if source else ""))
        return f"{self.base}/{name}"


def start_cluster() -> Iterator[Cluster | None]:
    """Start a cluster with a migrated template database; None when PostgreSQL is not installed."""
    binaries = pg_bin()
    if binaries is None:
        yield None
        return
    cluster = Cluster(binaries)
    try:
        cluster.start()
        cluster.psql(f"CREATE DATABASE {TEMPLATE}")
        subprocess.run(  # migrate the template the way the bot does
            [sys.executable, "-c",
             "import asyncio, sys; from bot.store.postgres import PostgresStore\n"
             "async def main():\n    s = await PostgresStore.open(sys.argv[1]); await s.close()\n"
             "asyncio.run(main())", f"{cluster.base}/{TEMPLATE}"],
            check=True, capture_output=True, timeout=120, cwd=Path(__file__).resolve().parents[1],
        )
        yield cluster
    finally:
        cluster.stop()
