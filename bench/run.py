"""``make bench``: load-test Commonplace with wrk, cold and warm, and compare it with its peers.

Builds the corpus (``bench.corpus``) in its own PostgreSQL database, starts
gunicorn (2 sync workers) on 127.0.0.1 with the page cache off (cold) and
on over Redis (warm), and drives each target with ``wrk -t2 -c32``. Then the
same for a constant Django view as large as the post page (the ceiling for
Python), the warm post page through Varnish with the project's VCL against
nginx serving a static copy of the same bytes (``bench.front``), a spike on
the hot post with a comment approved every second (``bench.spike``), and,
with ``PEERS=wordpress``, for WordPress and nginx's static copy on 127.0.0.1:8081
(``../shared/bench/peers/wordpress.sh``, beside the checkout). Prints req/s, p50, p99 and each
worker's peak memory, with the ratios; writes JSON to ``bench-results/``.

Environment: BENCH_DURATION (15s), BENCH_CONNECTIONS (32), BENCH_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/commonplace_bench), BENCH_REDIS_URL
(redis://127.0.0.1:6379/6), BENCH_REBUILD=1 (a new corpus), PEERS (wordpress),
BENCH_TARGETS (comma-separated subset of home,post,feed,search,comment,front,spike;
``front`` and ``spike`` are the Varnish runs, ``bench.front`` and ``bench.spike``).
"""

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DURATION = os.environ.get("BENCH_DURATION", "15s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "32")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/commonplace_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
PEERS = [name for name in os.environ.get("PEERS", "").split(",") if name]
WANTED = [
    name
    for name in os.environ.get("BENCH_TARGETS", "home,post,feed,search,comment,front,spike").split(",")
    if name
]
WORDPRESS = "http://127.0.0.1:8081"
# The shared folder sits beside the project checkout (``../shared``).
WORDPRESS_SCRIPT = Path(
    os.environ.get("WP_PEER_SCRIPT", PROJECT_DIR.parent / "shared" / "bench" / "peers" / "wordpress.sh")
)
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing: apt-get install -y wrk")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def site_env(**extra):
    """The environment of a production-like server on the bench database."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": DATABASE_URL,
        "STATIC_ROOT": str(Path(tempfile.gettempdir()) / "commonplace-bench-static"),
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        # Every submission must be stored: no rate limit, no email.
        "COMMENTS_RATE_LIMIT": "0",
        "COMMENTS_NOTIFY_MODERATORS": "false",
        # The 200-comment post page whole, as the WordPress peer shows it (page_comments off).
        "COMMENTS_PER_PAGE": "0",
        **extra,
    }


def manage(*args, env=None):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env or site_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare_database():
    """Create the bench database (anew with BENCH_REBUILD=1), migrate it, build the corpus; return targets."""
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and os.environ.get("BENCH_REBUILD") == "1":
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    log(f"migrating {name}")
    manage("migrate", "--no-input", "-v0")
    log("building the corpus (500 posts, 1,000 sources, 200 comments) if it is not there")
    started = time.time()
    output = subprocess.run(
        [PYTHON, "-m", "bench.corpus"],
        cwd=PROJECT_DIR,
        env=site_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    log(f"corpus ready in {time.time() - started:.0f} s")
    manage("collectstatic", "--no-input", "-v0")
    return json.loads(output.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with gunicorn.conf.py on a free port, its workers' pids, and their peak memory."""

    def __init__(self, env, app=None, log=None, own_session=False):
        self.port = free_port()
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"] + ([app] if app else [])
        # The process keeps its own copy of the log's file descriptor; this one closes at once.
        with open(log, "w") if log else contextlib.nullcontext(subprocess.DEVNULL) as output:
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env={**env, "BIND": f"127.0.0.1:{self.port}"},
                stdout=output,
                stderr=subprocess.STDOUT,
                # As make serve starts it (bench.front.start says why), where it shares the CPU with Varnish.
                start_new_session=own_session,
            )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + ("/healthz" if not app else "/"), timeout=2)
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"gunicorn did not start on port {self.port}")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def peak_rss_mb(self):
        """Each worker's peak resident memory so far (VmHWM), in MB."""
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024)
        return peaks

    def cpu_ticks(self):
        ticks = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks

    def wait_idle(self, limit=120):
        """Wait until the workers stop using CPU: requests wrk abandoned are still being served."""
        deadline, last = time.time() + limit, self.cpu_ticks()
        while time.time() < deadline:
            time.sleep(0.5)
            now = self.cpu_ticks()
            if now - last <= 1:
                return
            last = now

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(match[1]) * UNITS[match[2]] if match else None

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(rate[1]) if rate else 0.0,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "requests": int(requests[1]) if requests else 0,
        "non_2xx_3xx": int(errors[1]) if errors else 0,
        "socket_errors": socket_errors[1].strip() if socket_errors else "",
    }


def wrk(url, *, script=None, env=None, warmup=True, idle=None, headers=()):
    """Measure ``url``, sending ``headers``; ``idle`` waits for the server to finish earlier work first."""
    idle = idle or (lambda: None)
    options = [option for header in headers for option in ("-H", header)]
    idle()
    if warmup:
        subprocess.run(["wrk", "-t1", "-c2", "-d1s", *options, url], capture_output=True, env=env)
        idle()
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}",
        "--timeout",
        "30s",
        "--latency",
        *options,
        url,
    ]
    if script:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    result = parse_wrk(output)
    result["raw"] = output
    statuses = re.search(r"STATUSES redirects=(\d+) server_errors=(\d+) others=(\d+)", output)
    if statuses:
        result.update(redirects=int(statuses[1]), server_errors=int(statuses[2]), others=int(statuses[3]))
    return result


def comment_count():
    code = "from comments.models import Comment; print(Comment.objects.count())"
    return int(manage("shell", "-c", code).strip().splitlines()[-1])


def delete_bench_comments():
    """Remove what the comment run stored, so later targets and runs read the same 200-comment post."""
    code = (
        "from comments.models import Comment; "
        "Comment.objects.filter(author_email__startswith='bench-').delete()"
    )
    manage("shell", "-c", code)


def run_comments(server, targets):
    """Submit comments under load; every redirect must be a stored row and nothing may be a 5xx."""
    before = comment_count()
    env = {
        **os.environ,
        "BENCH_PATH": targets["comment"],
        "BENCH_RUN": uuid.uuid4().hex[:8],
    }
    result = wrk(
        server.base + targets["comment"], script=PROJECT_DIR / "bench" / "comment.lua", env=env, warmup=False
    )
    time.sleep(2)  # requests wrk abandoned at the end may still be finishing
    result["rows_added"] = comment_count() - before
    result["lost"] = max(result.get("redirects", 0) - result["rows_added"], 0)
    delete_bench_comments()
    return result


def run_site(mode, targets, extra_env):
    log(f"{mode}: starting gunicorn (2 workers)")
    server = Server(site_env(**extra_env))
    results = {}
    try:
        for name in WANTED:
            if name in ("comment", "front", "spike"):
                continue
            if not targets.get(name):
                log(f"{mode}: skipping {name}: no such URL on this site")
                continue
            log(f"{mode}: {name} {targets[name]}")
            with urllib.request.urlopen(server.base + targets[name], timeout=30) as response:
                size = len(response.read())
            results[name] = {**wrk(server.base + targets[name], idle=server.wait_idle), "bytes": size}
        if "comment" in WANTED and mode == "cold":
            log(f"{mode}: comment submission {targets['comment']}")
            results["comment"] = run_comments(server, targets)
        peaks = server.peak_rss_mb()
        for result in results.values():
            result["peak_rss_mb"] = peaks
    finally:
        server.stop()
    return results


def run_front(targets):
    """The post page through Varnish in front of the warm site, and nginx's static copy (``bench.front``)."""
    from bench import front

    log("front cache: starting gunicorn (2 workers) behind Varnish")
    server = Server(site_env(PAGE_CACHE="false", CACHE_URL=REDIS_URL))  # as make serve runs it
    try:
        return front.run(server.port, targets["post"], free_port, wrk, log)
    finally:
        server.stop()


def run_spike(targets):
    """A comment approved every second on the hot post while it and 500 others are read (``bench.spike``)."""
    from bench import spike

    def env(**extra):
        return site_env(PAGE_CACHE="false", CACHE_URL=REDIS_URL, **extra)  # as make serve runs it

    return spike.run(Server, env, targets, free_port, DURATION, parse_wrk, log)


def report_front(front):
    """Through Varnish against nginx's static copy: goals >= 0.8 of its rate, <= 2x its p99."""
    varnish, nginx = front["varnish"], front["nginx"]
    print(f"\npost page through Varnish vs nginx's static copy (the same {front['bytes']:,} gzip bytes):")
    for name, result in (("varnish", varnish), ("nginx static", nginx)):
        print(
            f"  {name:<13} {fmt(result['rps'])} req/s, p50 {fmt(result['p50_ms'])} ms, "
            f"p99 {fmt(result['p99_ms'])} ms (medians of {len(result['runs'])} turns: "
            + ", ".join(fmt(run["rps"]) for run in result["runs"])
            + f" req/s), non-2xx {sum(run['non_2xx_3xx'] for run in result['runs'])}"
        )
    print(
        f"  ratio: {varnish['rps'] / nginx['rps']:.2f} of nginx's req/s (goal >= 0.8), "
        f"p99 {varnish['p99_ms'] / nginx['p99_ms']:.2f}x nginx's (goal <= 2)"
    )


def run_constant(size):
    """The constant view, answering a page of ``size`` bytes (the post page's) so both send as much."""
    log(f"constant Django view under the same gunicorn settings ({size:,} bytes)")
    server = Server(site_env(BENCH_CONSTANT_BYTES=str(size)), app="bench.constant:application")
    try:
        result = wrk(server.base + "/", idle=server.wait_idle)
        result["peak_rss_mb"] = server.peak_rss_mb()
        result["bytes"] = size
    finally:
        server.stop()
    return result


def run_wordpress():
    try:
        urllib.request.urlopen(WORDPRESS + "/static-post.html", timeout=5)
    except OSError:
        log("WordPress is not answering on 127.0.0.1:8081; starting it")
        subprocess.run(["bash", str(WORDPRESS_SCRIPT), "start"], check=False)
    post_url = Path("/tmp/wp-peer/post-url")
    post = post_url.read_text().strip() if post_url.exists() else WORDPRESS + "/gaddafis-guns-malis-war/"
    results = {}
    for name, url in [("post", post), ("home", WORDPRESS + "/"), ("static", WORDPRESS + "/static-post.html")]:
        log(f"wordpress: {name} {url}")
        results[name] = wrk(url)
    return results


def fmt(value, unit=""):
    if value is None:
        return "-"
    return f"{value:,.1f}{unit}" if value < 100 else f"{value:,.0f}{unit}"


def kilobytes(result):
    return f"{result['bytes'] / 1000:.0f}" if result.get("bytes") else "-"


def report(results):
    constant = results["constant"]["rps"]
    static = results.get("wordpress", {}).get("static", {}).get("rps")
    wp_post = results.get("wordpress", {}).get("post")
    header = ("target", "mode", "KB", "req/s", "p50 ms", "p99 ms", "peak RSS/worker MB")
    header += ("vs constant", "vs static")
    rows = [header]
    for mode in ("cold", "warm"):
        for name, result in results[mode].items():
            rows.append(
                (
                    name,
                    mode,
                    kilobytes(result),
                    fmt(result["rps"]),
                    fmt(result["p50_ms"]),
                    fmt(result["p99_ms"]),
                    "/".join(fmt(peak) for peak in result["peak_rss_mb"]),
                    f"{result['rps'] / constant:.2f}" if constant else "-",
                    f"{result['rps'] / static:.3f}" if static else "-",
                )
            )
    rows.append(
        (
            "constant view",
            "-",
            kilobytes(results["constant"]),
            fmt(constant),
            fmt(results["constant"]["p50_ms"]),
            fmt(results["constant"]["p99_ms"]),
            "/".join(fmt(p) for p in results["constant"]["peak_rss_mb"]),
            "1.00",
            "-",
        )
    )
    for name, result in results.get("wordpress", {}).items():
        rows.append(
            (
                f"wordpress {name}",
                "-",
                "-",
                fmt(result["rps"]),
                fmt(result["p50_ms"]),
                fmt(result["p99_ms"]),
                "-",
                "-",
                "-",
            )
        )
    widths = [max(len(str(row[column])) for row in rows) for column in range(len(rows[0]))]
    print(
        f"\nCommonplace bench: wrk -t2 -c{CONNECTIONS} -d{DURATION}, gunicorn 2 sync workers"
        " (noisy: 2 shared cores)"
    )
    for row in rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    comment = results["cold"].get("comment")
    if comment:
        print(
            f"\ncomment submission: {comment.get('redirects', 0)} stored-and-redirected, "
            f"rows added {comment['rows_added']}, lost {comment['lost']}, "
            f"5xx {comment.get('server_errors', 0)}, other statuses {comment.get('others', 0)}"
        )
    if wp_post and "post" in results["cold"]:
        cold = results["cold"]["post"]
        print(
            f"\npost page cold vs WordPress post: {cold['rps'] / wp_post['rps']:.1f}x req/s (goal >= 7x), "
            f"p99 {cold['p99_ms'] / wp_post['p99_ms']:.2f} of WordPress's (goal <= 0.20)"
        )
    if results.get("front"):
        report_front(results["front"])
    if results.get("spike"):
        from bench import spike

        spike.report(results["spike"], fmt)
    if "post" in results["warm"]:
        print(
            "post page warm (the in-process cache) vs constant Django view: "
            f"{results['warm']['post']['rps'] / constant:.2f}"
        )


def main():
    ensure_wrk()
    targets = prepare_database()
    log(f"targets: {targets}")
    results = {
        "duration": DURATION,
        "connections": CONNECTIONS,
        "targets": targets,
        "cold": run_site("cold", targets, {"PAGE_CACHE": "false", "CACHE_URL": REDIS_URL}),
    }
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    results["warm"] = run_site("warm", targets, {"PAGE_CACHE": "true", "CACHE_URL": REDIS_URL})
    if "front" in WANTED and targets.get("post"):
        results["front"] = run_front(targets)
    if "spike" in WANTED and shutil.which("varnishd"):
        results["spike"] = run_spike(targets)
    elif "spike" in WANTED:
        log("spike: skipped, varnishd missing (apt-get install varnish varnish-modules)")
    post = results["cold"].get("post") or results["warm"].get("post") or {}
    results["constant"] = run_constant(post.get("bytes", 150_000))
    if "wordpress" in PEERS:
        results["wordpress"] = run_wordpress()
    report(results)
    out = PROJECT_DIR / "bench-results"
    out.mkdir(exist_ok=True)
    path = out / time.strftime("bench-%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(results, indent=2))
    print(f"\nraw results: {path}")


if __name__ == "__main__":
    main()
