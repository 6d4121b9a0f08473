"""The warm post page through Varnish (``deploy/varnish/commonplace.vcl``) against nginx's static copy of it.

Both answer the same gzip bytes (wrk asks with ``Accept-Encoding: gzip``, as
browsers do): Varnish the copy it keeps, nginx a ``.gz`` file beside the
page (``gzip_static``), the way WP Super Cache serves its pages. Both run
on 127.0.0.1 with the bench's wrk settings, taking turns (``BENCH_FRONT_ROUNDS``,
3; the medians are reported); gunicorn stays behind Varnish, answering only
its first fetch.
"""

import gzip
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from deploy.serve import main_vcl, varnishd_command, wait_for_port

GZIP = ("Accept-Encoding: gzip",)
# Varnish and nginx take turns, so a neighbour's load on a shared machine falls on both alike.
ROUNDS = int(os.environ.get("BENCH_FRONT_ROUNDS", "3"))
NGINX_CONF = """
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        gzip_static on;
        default_type text/html;
    }}
}}
"""


def median(results):
    """The median req/s and the median p99 of several wrk runs, with every run kept."""
    middle = len(results) // 2
    return {
        **sorted(results, key=lambda result: result["rps"])[middle],
        "p99_ms": sorted(result["p99_ms"] for result in results)[middle],
        "runs": results,
    }


def get(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def start(command, port):
    """``command`` in a session of its own, as ``make serve`` starts each process (``deploy.serve.start``).

    With the kernel's automatic scheduling groups (``sched_autogroup``) a session is a group that
    gets its fair share of the CPU whatever its number of threads: Varnish's hundred threads then
    take no more from gunicorn, the worker and PostgreSQL than they would under ``make serve``.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    if not wait_for_port("127.0.0.1", port, process, seconds=30):
        process.kill()
        raise SystemExit(f"{command[0]} did not start: {process.communicate()[1]}")
    return process


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def run(backend_port, path, free_port, wrk, log):
    """wrk results for ``path`` through Varnish in front of ``backend_port``, and from nginx's copy."""
    missing = [name for name in ("varnishd", "nginx") if not shutil.which(name)]
    if missing:
        log(
            f"front cache: skipped, {' and '.join(missing)} missing (apt-get install varnish varnish-modules)"
        )
        return None
    root = Path(tempfile.mkdtemp(prefix="commonplace-bench-front-"))
    root.chmod(0o755)
    varnish_port, nginx_port = free_port(), free_port()
    vcl = root / "main.vcl"
    vcl.write_text(main_vcl([("127.0.0.1", backend_port)], probe_host="127.0.0.1"))
    vcl.chmod(0o644)
    processes = []
    try:
        command = varnishd_command(root / "varnish", f"127.0.0.1:{varnish_port}", vcl)
        processes.append(start(command, varnish_port))
        varnish = f"http://127.0.0.1:{varnish_port}{path}"
        get(varnish)
        headers, body = get(varnish)
        if headers.get("X-Cache") != "hit" or headers.get("Content-Encoding") != "gzip":
            raise SystemExit(f"front cache: the post page is not a gzip hit: {dict(headers)}")
        page = root / "www" / path.strip("/") / "index.html"
        page.parent.mkdir(parents=True)
        Path(f"{page}.gz").write_bytes(body)
        page.write_bytes(gzip.decompress(body))
        (root / "nginx.conf").write_text(NGINX_CONF.format(root=root, port=nginx_port))
        processes.append(start(["nginx", "-c", str(root / "nginx.conf"), "-g", "daemon off;"], nginx_port))
        nginx = f"http://127.0.0.1:{nginx_port}{path}"
        if get(nginx)[1] != body:
            raise SystemExit("front cache: nginx's copy is not the bytes Varnish sends")
        runs = {"varnish": [], "nginx": []}
        for turn in range(1, ROUNDS + 1):
            for name, url in (("varnish", varnish), ("nginx", nginx)):
                log(f"front cache: {path} ({len(body):,} gzip bytes) from {name}, turn {turn} of {ROUNDS}")
                runs[name].append(wrk(url, headers=GZIP))
                time.sleep(1)
        return {"bytes": len(body), **{name: median(results) for name, results in runs.items()}}
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(root, ignore_errors=True)
