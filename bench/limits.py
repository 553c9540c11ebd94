"""Peak memory and time for very long articles: 0.1, 0.5, 1 and 2 MB, by file and by feed item.

    .venv/bin/python bench/limits.py [--sizes 100000,500000,1000000,2000000] [--short] [--quick]

Each article is made of the paragraphs of the samples in seeds/, renumbered so that no two are the same.
It goes through `digestbot inspect FILE --json` (a process of its own), and as the one item of an RSS feed
served by a real HTTP server on 127.0.0.1 that a `digestbot ingest` process polls. Peak RSS is the
child's high-water mark (VmHWM, from wait4); time is wall-clock. Targets: peak RSS under 400 MB, and time
growing no faster than the text (the ratio per doubling of the size at most about 2). Prints a table,
then one JSON object.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
RSS_TARGET_MB = 400
_NUMBER = re.compile(r"\d+")

POLL = """
import asyncio, sys
from pathlib import Path
from bot.config import load_settings
from bot.services.poll import poll_sources
from bot.services.sources import add_source
from bot.store import Store
async def main() -> None:
    settings = load_settings()
    async with await Store.open(settings.db_path) as store:
        await add_source(store, settings, sys.argv[1])
        report = await poll_sources(store, settings)
        print(report.summary())
asyncio.run(main())
"""


def article(size: int, seed: int = 1, short: bool = False) -> str:
    """A headline and renumbered sample paragraphs, `size` bytes of UTF-8 long.

    `short` makes every sentence a paragraph of its own of a few words: the most sentences per byte, the
    worst case for anything that compares sentences (a 1.94 MB file of them once took 19 GB).
    """
    paragraphs = [p.strip() for path in sorted((REPO / "seeds").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n")[1:] if len(p.strip()) > 80]
    if short:
        paragraphs = [" ".join(s.split()[:6]).rstrip(".,;:") + "." for p in paragraphs for s in p.split(". ")]
    rng = random.Random(seed)
    out = ["Council sets out long-term plan for adult social care", ""]
    length = 0
    while length < size:
        text = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 999)), rng.choice(paragraphs))
        if short:
            text += f" Item {length}."
        out.append(text + "\n")
        length += len(text.encode("utf-8")) + 2
    data = "\n".join(out).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def run_measured(args: list[str], env: dict[str, str]) -> dict[str, object]:
    """Run a process; return its wall and CPU seconds, peak RSS in MB, exit code and last line of stderr.

    CPU time is what the growth is judged on: wall time on a shared machine is mostly other people's work.
    """
    started = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err.strip().splitlines()
    return {"seconds": round(time.monotonic() - started, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(usage.ru_maxrss / 1024), "exit": proc.returncode,
            "error": lines[-1] if proc.returncode and lines else ""}


def feed_server(items: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    """Serve `items` (path -> RSS body) on a free port of 127.0.0.1 in a thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = items.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def rss(text: str, n: int) -> bytes:
    title, _, body = text.partition("\n\n")
    html = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Courier</title>'
        f"<link>http://127.0.0.1/</link><description>bench</description><item><title>{escape(title)}</title>"
        f"<link>http://127.0.0.1/articles/{n}</link><guid>bench-{n}</guid>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded></item></channel></rss>"
    ).encode()


def per_doubling(rows: list[dict[str, object]], key: str) -> list[float]:
    """How much `key` grows each time the size doubles, between consecutive sizes."""
    out = []
    for a, b in itertools.pairwise(rows):
        first, second = float(a[key]), float(b[key])  # type: ignore[arg-type]
        doublings = math.log2(float(b["bytes"]) / float(a["bytes"]))  # type: ignore[arg-type]
        out.append(round((second / first) ** (1 / doublings), 2) if first > 0 and doublings else float("nan"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,500000,1000000,2000000")
    parser.add_argument("--short", action="store_true", help="short sentences, one per paragraph (worst case)")
    parser.add_argument("--quick", action="store_true", help="two small articles: proves the script works")
    args = parser.parse_args()
    sizes = [20_000, 40_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    results: dict[str, list[dict[str, object]]] = {"inspect": [], "feed": []}
    items: dict[str, bytes] = {}
    server, base = feed_server(items)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(REPO), "DIGESTBOT_ALLOW_PRIVATE_URLS": "1",
               "DIGESTBOT_MAX_FETCH_BYTES": str(4 * max(sizes)), "DIGESTBOT_MAX_FILE_BYTES": str(max(sizes)),
               "DIGESTBOT_SEEDS": str(Path(tmp) / "no-seeds"), "DIGESTBOT_DIGESTS_DIR": str(Path(tmp) / "d")}
        for n, size in enumerate(sizes):
            text = article(size, n, args.short)
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(text, encoding="utf-8")
            results["inspect"].append({"bytes": size, **run_measured(
                [sys.executable, "-m", "bot", "inspect", str(path), "--json"], env)})
            items[f"/feed-{n}.xml"] = rss(text, n)
            feed_env = {**env, "DIGESTBOT_DB": str(Path(tmp) / f"feed-{n}.sqlite3")}
            results["feed"].append({"bytes": size, **run_measured(
                [sys.executable, "-c", POLL, f"{base}/feed-{n}.xml"], feed_env)})
    server.shutdown()
    print(f"{'path':8} {'bytes':>10} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}  exit")
    for path, rows in results.items():
        for row in rows:
            print(f"{path:8} {row['bytes']:>10,} {row['seconds']:>8} {row['cpu_seconds']:>8} {row['peak_mb']:>8}"
                  f"  {row['exit']} {row['error']}")
    ratios = {path: {key: per_doubling(rows, key) for key in ("cpu_seconds", "seconds", "peak_mb")}
              for path, rows in results.items()}
    for path, ratio in ratios.items():
        print(f"{path}: growth per doubling of the size: CPU time {ratio['cpu_seconds']},"
              f" wall time {ratio['seconds']}, peak RSS {ratio['peak_mb']}")
    worst = max(int(row["peak_mb"]) for rows in results.values() for row in rows)  # type: ignore[call-overload]
    print(json.dumps({"short_sentences": args.short, "results": results, "per_doubling": ratios, "worst_peak_mb": worst,
                      "peak_under_target": worst < RSS_TARGET_MB}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
