"""Live-source ingest throughput: articles per second from a local feed server, and peak memory.

    .venv/bin/python bench/ingest.py [--feeds 100] [--items 50] [--teasers 0.2] [--quick]

A second process serves `--feeds` RSS feeds of `--items` items each on 127.0.0.1, written from seeds/*.txt
with variations (shuffled paragraphs, changed numbers); a share of the items (`--teasers`) carries only a
teaser, so its article page is fetched and extracted too. This process registers the feeds in a fresh
database and times one poll of all of them, then a second poll (every feed answers 304 Not Modified).
Peak memory is this process's ru_maxrss, so the server's memory is not counted.

Prints a table, then one JSON object with the figures as the last line.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.config import Settings  # noqa: E402
from bot.core.pipeline import process_article  # noqa: E402
from bot.services.poll import poll_sources  # noqa: E402
from bot.store import Store  # noqa: E402

_NUMBER = re.compile(r"\d+")


def _seed_stories() -> list[tuple[str, list[str]]]:
    """Return (headline, body paragraphs) of each sample article, as the pipeline reads them."""
    stories = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        article = process_article(path.read_text(encoding="utf-8"))
        stories.append((article.meta.title or path.stem, article.body.split("\n\n")))
    return stories


def make_article(stories: list[tuple[str, list[str]]], n: int) -> tuple[str, list[str]]:
    """Write distinct article `n` from a sample: shuffled paragraphs, changed numbers, its own lead."""
    title, paragraphs = stories[n % len(stories)]
    rng = random.Random(n)
    body = [_NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), p) for p in paragraphs]
    rng.shuffle(body)
    lead = (
        f"Report {n} sets out what providers in area {n % 97} told the council about staffing, fees and waiting"
        f" lists this month, and what {n % 13 + 2} of them plan to do before the winter."
    )
    return f"{title} ({n})", [lead, *body]


def make_feed(base: str, stories: list[tuple[str, list[str]]], feed: int, items: int, teasers: float) -> bytes:
    """Render one RSS 2.0 feed; teaser items link to an article page instead of carrying the text."""
    rng = random.Random(feed)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench feed {feed}</title><link>{base}/</link><description>bench</description>"
    ]
    for i in range(items):
        n = feed * items + i
        title, paragraphs = make_article(stories, n)
        published = format_datetime(datetime(2025, 1, 1, 8, tzinfo=UTC) + timedelta(hours=n))
        item = (
            f"<title>{html.escape(title)}</title><link>{base}/article/{n}</link>"
            f'<guid isPermaLink="false">bench-{n}</guid><pubDate>{published}</pubDate>'
        )
        if rng.random() < teasers:
            item += f"<description>{html.escape(paragraphs[0][:100])} […]</description>"
        else:
            text = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            item += f"<content:encoded><![CDATA[{text}]]></content:encoded>"
        parts.append(f"<item>{item}</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def make_page(stories: list[tuple[str, list[str]]], n: int) -> bytes:
    title, paragraphs = make_article(stories, n)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)} | Bench News</title>"
        "<meta property='og:site_name' content='Bench News'></head><body><nav>Home | News | Jobs</nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article><footer>© Bench News</footer></body></html>"
    ).encode()


def serve(feeds: int, items: int, teasers: float) -> None:
    """Serve the feeds and pages on 127.0.0.1 until stdin closes; print the port first."""
    from aiohttp import web

    stories = _seed_stories()

    async def main() -> None:
        bodies: dict[int, bytes] = {}
        base = ""

        async def feed(request: web.Request) -> web.Response:
            number = int(request.match_info["n"])
            etag = f'"feed-{number}"'
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            if number not in bodies:
                bodies[number] = make_feed(base, stories, number, items, teasers)
            return web.Response(body=bodies[number], content_type="application/rss+xml", charset="utf-8",
                                headers={"ETag": etag})

        async def page(request: web.Request) -> web.Response:
            return web.Response(body=make_page(stories, int(request.match_info["n"])), content_type="text/html",
                                charset="utf-8")

        app = web.Application()
        app.router.add_get("/feed/{n}", feed)
        app.router.add_get("/article/{n}", page)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        base = f"http://127.0.0.1:{port}"
        print(port, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await runner.cleanup()

    asyncio.run(main())


def peak_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


async def run(base: str, feeds: int, folder: Path) -> dict[str, float]:
    settings = Settings(db_path=folder / "bench.sqlite3", seeds_dir=folder / "no-seeds", allow_private_urls=True)
    async with await Store.open(settings.db_path) as store:
        for number in range(feeds):
            await store.register_source("feed", f"{base}/feed/{number}", f"feed {number}")
        before = peak_mb()
        started = time.perf_counter()
        first = await poll_sources(store, settings)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = await poll_sources(store, settings)
        second_s = time.perf_counter() - started
        stored = await store.count_articles()
    failed = [p for p in first.polls if p.detail]
    if failed:
        raise SystemExit(f"bench: {failed[0].source.name}: {failed[0].detail}")
    total = first.ingest
    return {
        "articles": stored,
        "new": total.new,
        "updated": total.updated,
        "duplicate": total.duplicate,
        "skipped": len(total.skipped),
        "notes": len(total.notes),
        "first_poll_s": round(first_s, 2),
        "articles_per_s": round(total.new / first_s, 1),
        "second_poll_s": round(second_s, 3),
        "second_poll_not_modified": sum(1 for p in second.polls if p.status.value == "not modified"),
        "rss_before_poll_mb": round(before, 1),
        "peak_rss_mb": round(peak_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--teasers", type=float, default=0.2, help="share of items with only a teaser")
    parser.add_argument("--quick", action="store_true", help="10 feeds of 10 items")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.items = 10, 10
    if args.serve:
        serve(args.feeds, args.items, args.teasers)
        return
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--feeds", str(args.feeds), "--items", str(args.items),
         "--teasers", str(args.teasers)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        with tempfile.TemporaryDirectory() as folder:
            figures = asyncio.run(run(f"http://127.0.0.1:{port}", args.feeds, Path(folder)))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(10)
    result = {
        "bench": "ingest",
        "feeds": args.feeds,
        "items_per_feed": args.items,
        "teaser_share": args.teasers,
        **figures,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    print(f"{'measure':32} value")
    for key, value in result.items():
        print(f"{key:32} {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
