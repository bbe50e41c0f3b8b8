#!/usr/bin/env python3
"""`make bench`: how close the site's pages come to the stack's own limit.

Loads `loaddemo --scale 150` into a fresh SQLite database under var/bench/site/, starts
gunicorn in production mode on 127.0.0.1, and measures requests/s and p50/p99 latency for each
page in three modes: uncached (no cache at all, what the first visitor after an organiser's
change pays), warm (the page stored in the cache) and revalidate (a conditional GET with the
page's ETag, answered 304). Each page is compared with a static file of the same byte size
served by the same gunicorn and whitenoise in the same run (revalidated with its own ETag in
that mode): a ratio of 1.0 means the page is as fast as the server can possibly answer.
Both sides get the same request (no Accept-Encoding, so neither is compressed), the same number
of keep-alive connections, the same warm-up, and at least --min-requests answers each; they take
turns over several rounds and each ratio is the median of the rounds'. Also prints the
programme's size as sent compressed. Prints a table and writes it as JSON to var/bench/.
Loopback only; stops gunicorn on exit, even on Ctrl-C.
"""

import argparse
import asyncio
import collections
import datetime
import json
import os
import re
import shutil
import signal
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # Run as a script: the launcher the tests use is in tests/.

from tests.support.gunicorn_site import (  # noqa: E402
    GunicornSite,
    free_port,
    manage,
    prepare_site,
    production_env,
)

BENCH = ROOT / "var" / "bench"
SITE = BENCH / "site"
# Its own static folder: the static twins of the pages are written there.
STATIC = {"STATIC_ROOT": str(SITE / "static")}
PAGES = {
    "homepage": "/en/",
    "programme": "/en/programme/",
    "speakers": "/en/speakers/",
    "session": None,  # the first session linked from the programme page
    "speaker": None,  # the first speaker linked from the speakers page
    "schedule.ics": "/en/programme/schedule.ics",
    "schedule.xml": "/en/programme/schedule.xml",
    "schedule.json": "/en/programme/schedule.json",
}
# A session card's title link: other links under /en/programme/ (Now & next, My agenda) are
# pages of their own, not sessions.
SESSION_LINK = re.compile(r'class="session-card__title"[^>]*><a href="(/en/programme/[^"?#]+/)"')
SPEAKER_LINK = re.compile(r'href="(/en/speakers/[^"?#/]+/)"')
# Seconds: a first render of the uncached programme can take that long on a busy machine.
WARM_UP_LIMIT = 10
MODES = {
    # mode: environment of the gunicorn that serves it
    "uncached": {"CACHE_URL": "dummy://"},
    "warm": {},
    "revalidate": {},
}


def serving(port, workers, **environment):
    """The site under SITE, as it is, served by gunicorn on loopback (tests/support/gunicorn_site.py);
    no access log, and no worker restarted after a number of requests in the middle of a run."""
    return GunicornSite(
        SITE,
        as_is=True,
        port=port,
        workers=workers,
        access_log="/dev/null",
        options=("--max-requests", "0"),
        **STATIC,
        **environment,
    )


def get(url, **headers):
    """GET with the load's own Host header: pages name the address they are asked by."""
    try:
        request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


async def one_connection(port, path, stop_at, latencies, errors, etag=None):
    condition = f"If-None-Match: {etag}\r\n" if etag else ""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{condition}\r\n".encode()
    expected = b"HTTP/1.1 304" if etag else b"HTTP/1.1 200"
    reader = writer = None
    while time.perf_counter() < stop_at:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.perf_counter()
            writer.write(request)
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            await asyncio.wait_for(reader.readexactly(int(length.group(1)) if length else 0), 10)
            latencies.append(time.perf_counter() - started)
            if not head.startswith(expected):
                errors.append(head.split(b"\r\n", 1)[0].decode())
            if re.search(rb"(?i)connection: *close", head):
                writer.close()
                writer = None
        except (TimeoutError, OSError, asyncio.IncompleteReadError, AttributeError) as error:
            errors.append(type(error).__name__)
            if writer is not None:
                writer.close()
            writer = None
    if writer is not None:
        writer.close()


async def load(port, path, seconds, connections, min_requests, *, warm_up=True, etag=None):
    """Keep `connections` keep-alive connections busy on `path` for `seconds`, longer (up to
    2 × `seconds`) until `min_requests` answers are in, so that p99 means something."""
    latencies, errors = [], []
    # A warm-up that is not counted: at least half a second and 4 answers per connection, so
    # that every worker has filled its own caches (a first render can take seconds on a
    # busy machine), up to WARM_UP_LIMIT. Once per page and side: the caches stay warm.
    answers, warm_started = [], time.perf_counter()
    while (
        warm_up
        and len(answers) < 4 * connections
        and time.perf_counter() < warm_started + WARM_UP_LIMIT
    ):
        warm_until = time.perf_counter() + 0.5
        await asyncio.gather(
            *(one_connection(port, path, warm_until, answers, [], etag) for _ in range(connections))
        )
    started = time.perf_counter()
    cpu_started = time.process_time()
    stop_at = started + seconds
    while True:
        await asyncio.gather(
            *(
                one_connection(port, path, stop_at, latencies, errors, etag)
                for _ in range(connections)
            )
        )
        now = time.perf_counter()
        if len(latencies) >= min_requests or now >= started + 2 * seconds:
            break
        stop_at = min(now + seconds / 2, started + 2 * seconds)
    elapsed = time.perf_counter() - started
    # The load generator shares the machine: a busy client would cap both sides alike.
    client_cpu = (time.process_time() - cpu_started) / elapsed
    return latencies, errors, elapsed, client_cpu


def summarise(*runs):
    latencies = sorted(latency for run in runs for latency in run[0])
    errors = collections.Counter(error for run in runs for error in run[1])
    elapsed = sum(run[2] for run in runs)
    client_cpu = round(max(run[3] for run in runs), 2)
    if len(latencies) < 2:
        return {
            "requests_per_second": 0.0,
            "p50_ms": None,
            "p99_ms": None,
            "requests": len(latencies),
            "errors": errors,
            "client_cpu": client_cpu,
        }
    quantiles = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 2),
        "p99_ms": round(quantiles[98] * 1000, 2),
        "requests": len(latencies),
        "errors": dict(errors),
        "client_cpu": client_cpu,
    }


def find_pages(server, session_url):
    """Each page's path and size; None for a page that does not exist on this branch."""
    found = {}
    listed_on = {"session": ("programme", SESSION_LINK), "speaker": ("speakers", SPEAKER_LINK)}
    for name, path in PAGES.items():
        if name in listed_on:
            path = session_url if name == "session" else None
            listing, link = listed_on[name]
            if path is None and found.get(listing):
                body = get(server.url + found[listing]["path"])[1]
                links = [href for href in link.findall(body.decode()) if "." not in href]
                path = links[0] if links else None
        status, body, _headers = get(server.url + path) if path else (404, b"", {})
        found[name] = {"path": path, "size": len(body)} if status == 200 else None
        size = f"{len(body)} bytes" if status == 200 else "n/a"
        print(f"  {name:13} {path or '-':45} {size}")
    return found


def compressed_sizes(server, path):
    """Bytes sent for `path` without compression, with gzip and with Brotli."""
    return {
        encoding: len(get(server.url + path, **{"Accept-Encoding": encoding})[1])
        for encoding in ("identity", "gzip", "br")
    }


def write_static_twins(pages):
    """A static file of the same byte size as each page, for whitenoise to serve."""
    twins = SITE / "static" / "bench"
    twins.mkdir(parents=True, exist_ok=True)
    for name, page in pages.items():
        if page:
            page["static"] = f"/static/bench/{name.replace('.', '-')}.html"
            (twins / f"{name.replace('.', '-')}.html").write_bytes(b"x" * page["size"])


def ratio(page, static, key):
    if not page[key] or not static[key]:
        return None
    return round(page[key] / static[key], 2)


def round_ratios(rounds, key):
    return [ratio(summarise(turns["page"]), summarise(turns["static"]), key) for turns in rounds]


def median(values):
    values = [value for value in values if value is not None]
    return round(statistics.median(values), 2) if values else None


def measure(pages, args, environment, *, revalidate=False):
    results = {}
    port, seconds, connections, least = args.port, args.seconds, args.connections, args.min_requests
    with serving(port, args.workers, **environment) as server:
        print(f"  gunicorn on {server.url}, {environment}", flush=True)
        for name, page in pages.items():
            if not page:
                results[name] = None
                continue
            # Page and static twin take turns, in alternating order, and the ratio is the
            # median of the rounds' ratios: drift and a neighbour's burst of CPU use then
            # weigh on both sides alike instead of on whichever ran at the time.
            paths = {"static": page["static"], "page": page["path"]}
            etags = dict.fromkeys(paths)
            if revalidate:
                etags = {side: get(server.url + path)[2]["ETag"] for side, path in paths.items()}
            rounds = []
            for number in range(args.rounds):
                turns = {}
                for side in ("static", "page") if number % 2 == 0 else ("page", "static"):
                    turns[side] = asyncio.run(
                        load(
                            port,
                            paths[side],
                            seconds / args.rounds,
                            connections,
                            least / args.rounds,
                            warm_up=number == 0,
                            etag=etags[side],
                        )
                    )
                rounds.append(turns)
            page_stats = summarise(*(turns["page"] for turns in rounds))
            static_stats = summarise(*(turns["static"] for turns in rounds))
            throughput_ratios = round_ratios(rounds, "requests_per_second")
            results[name] = {
                "page": page_stats,
                "static": static_stats,
                # 1.0 = as fast as a static file of the same size; higher is better.
                "throughput_ratio": median(throughput_ratios),
                "round_ratios": throughput_ratios,
                # How many times slower than the static file (1.0 = as fast); lower is better.
                "p50_ratio": median(round_ratios(rounds, "p50_ms")),
                # Too few answers per round for a p99 of its own: over all rounds.
                "p99_ratio": ratio(page_stats, static_stats, "p99_ms"),
            }
    return results


def print_table(pages, runs):
    header = (
        f"{'page':13} {'bytes':>7} {'mode':8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'static req/s':>12} {'ratio':>6} {'p50×':>6} {'p99×':>6} {'errors':>6}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for name, page in pages.items():
        for mode, results in runs.items():
            row = results[name]
            if row is None:
                print(f"{name:13} {'-':>7} {mode:8} {'n/a':>8}")
                continue
            p, s = row["page"], row["static"]
            print(
                f"{name:13} {page['size']:>7} {mode:8} {p['requests_per_second']:>8} "
                f"{p['p50_ms']!s:>8} {p['p99_ms']!s:>8} {s['requests_per_second']:>12} "
                f"{row['throughput_ratio']!s:>6} {row['p50_ratio']!s:>6} "
                f"{row['p99_ratio']!s:>6} {sum(p['errors'].values()) + sum(s['errors'].values()):>6}"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=150)
    parser.add_argument(
        "--seconds", type=float, default=5, help="per page, mode and side, over all rounds"
    )
    parser.add_argument("--rounds", type=int, default=9, help="turns of page and static twin")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, help="default: gunicorn.conf.py (2 × CPUs + 1)")
    parser.add_argument("--min-requests", type=int, default=200, help="per page and mode")
    parser.add_argument("--port", type=int, help="default: a free port on 127.0.0.1")
    parser.add_argument(
        "--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}"
    )
    parser.add_argument(
        "--pages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}"
    )
    parser.add_argument("--session-url", help="session page to measure, e.g. /en/programme/x/")
    args = parser.parse_args()
    args.port = args.port or free_port()
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}")
    chosen = [name.strip() for name in args.pages.split(",") if name.strip()]
    if unknown := set(chosen) - set(PAGES):
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}")
    load_before = os.getloadavg()
    # Ctrl-C or a TERM from make: unwind through the `with serving` blocks, which stop it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    print("Preparing a fresh site under var/bench/site/", flush=True)
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    prepare_site(SITE, "--scale", str(args.scale), **STATIC)
    manage(production_env(SITE, **STATIC), "collectstatic", "--noinput", "-v0")

    print("Finding the pages", flush=True)
    with serving(args.port, 1) as server:
        pages = find_pages(server, args.session_url)
        sizes = compressed_sizes(server, PAGES["programme"])
    pages = {name: page for name, page in pages.items() if name in chosen}
    # whitenoise indexes static files when gunicorn starts: write the twins before that.
    write_static_twins(pages)

    runs = {}
    for mode in modes:
        print(f"Measuring {mode}", flush=True)
        runs[mode] = measure(pages, args, MODES[mode], revalidate=mode == "revalidate")
    load_after = os.getloadavg()
    print_table(pages, runs)
    print(
        "\nThe programme as sent: "
        + ", ".join(f"{encoding} {size / 1000:.1f} kB" for encoding, size in sizes.items())
    )
    client_cpu = max(
        row[side]["client_cpu"]
        for results in runs.values()
        for row in results.values()
        if row
        for side in ("page", "static")
    )
    print(
        f"\nLoad average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in load_before)} before, "
        f"{' '.join(f'{v:.2f}' for v in load_after)} after; {os.cpu_count()} CPUs. "
        f"Busiest load generator: {client_cpu:.0%} of a CPU."
    )
    if client_cpu > 0.9:
        print("The load generator was saturated: ratios near 1 understate the difference.")

    report = {
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "settings": vars(args),
        "pages": pages,
        "programme_bytes_by_encoding": sizes,
        "runs": runs,
    }
    BENCH.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for target in [BENCH / f"bench-{stamp}.json", BENCH / "latest.json"]:
        target.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWritten to var/bench/bench-{stamp}.json (and var/bench/latest.json)")


if __name__ == "__main__":
    main()
