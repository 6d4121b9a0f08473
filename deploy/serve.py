"""``make serve``: Varnish on ``PORT`` in front of gunicorn, with the background worker beside them.

gunicorn listens on ``BACKEND_PORT`` (``PORT`` + 1), Varnish (``varnishd
-F``, its working directory under the temporary directory) on ``PORT``
with ``deploy/varnish/commonplace.vcl``, and the worker purges it by key
(``HTTPCACHE_FRONT_CACHES`` names it). All three stay in the foreground;
when one stops, or on Ctrl-C or TERM, all stop. Without ``varnishd`` (or
varnish-modules' xkey and var) gunicorn serves ``PORT`` itself, as before, and says so.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_DIR = Path(__file__).resolve().parents[1]
VCL = PROJECT_DIR / "deploy" / "varnish" / "commonplace.vcl"
INSTALL = "apt-get install varnish varnish-modules"


def main_vcl(backends, *, probe_host, purgers=("127.0.0.1", "::1"), probe_interval="5s"):
    """The main VCL: ``backends`` ((host, port) pairs, taken in turn) with a health probe, who may purge.

    The probe asks ``/healthz`` with ``probe_host`` as the ``Host`` (one of
    ``ALLOWED_HOSTS``): a site whose database is down answers 503, and
    Varnish serves its last good pages meanwhile.
    """
    lines = [
        "vcl 4.1;",
        "import directors;",
        "probe healthz {",
        f'    .request = "GET /healthz HTTP/1.1" "Host: {probe_host}" "Connection: close";',
        f"    .interval = {probe_interval}; .timeout = 3s; .window = 3; .threshold = 2; .initial = 2;",
        "}",
    ]
    for number, (host, port) in enumerate(backends):
        lines.append(
            f'backend site{number} {{ .host = "{host}"; .port = "{port}"; .probe = healthz; '
            ".connect_timeout = 1s; .first_byte_timeout = 60s; }"
        )
    lines += ["sub vcl_init {", "    new site = directors.round_robin();"]
    lines += [f"    site.add_backend(site{number});" for number in range(len(backends))]
    lines += ["}", "sub vcl_recv {", "    set req.backend_hint = site.backend();", "}"]
    lines += ["acl purgers {", *(f'    "{address}";' for address in purgers), "}"]
    lines.append(f'include "{VCL}";')
    return "\n".join(lines) + "\n"


# Measured with make bench (README, "Performance"): one thread pool for a small machine, and a shared
# memory log without each request's headers, timestamps, byte counts and VCL trace (its request
# line, status, errors and the backend side stay; `varnishadm param.set vsl_mask` shows more while
# debugging). Together about a quarter more hits a second on two cores.
PARAMETERS = [
    "-p", "thread_pools=1",
    "-p", "vsl_mask=-ReqHeader,-RespHeader,-ReqUnset,-RespUnset,-Timestamp,-ReqAcct,-VCL_call,"
    "-VCL_return,-VCL_use,-Hit,-ReqStart,-ReqProtocol,-RespProtocol,-RespReason",
]  # fmt: skip


def varnishd_command(workdir, listen, vcl_file, storage="malloc,256m"):
    """varnishd in the foreground, its shared memory and compiled VCL in ``workdir``."""
    return [
        "varnishd", "-F", "-n", str(workdir), "-a", listen, "-f", str(vcl_file), "-s", storage, *PARAMETERS
    ]  # fmt: skip


def wait_for_port(host, port, process, seconds=60):
    """Wait until ``host:port`` accepts connections; False if ``process`` ended first or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def supervise(processes):
    """Wait until one of ``processes`` (name → Popen) ends or a signal comes, then stop them all."""
    stopping = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda signum, frame: stopping.append(signum))
    ended = None
    while not stopping and ended is None:
        ended = next((name for name, process in processes.items() if process.poll() is not None), None)
        time.sleep(0.2)
    if ended:
        print(f"serve: {ended} stopped (exit code {processes[ended].returncode}); stopping the rest")
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 30
    for process in processes.values():
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return 0 if stopping else 1


def start(command, env):
    # A session of its own: Ctrl-C reaches this supervisor only, which stops each process once. Under
    # the kernel's automatic scheduling groups (one per session) it is also a CPU share of its own, so
    # Varnish's threads cannot starve gunicorn and the worker on a small machine (README, Performance).
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, start_new_session=True)


def listed(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def without_front_cache(env, host, port, why):
    """gunicorn on ``port`` itself, and the worker: the set-up before Varnish."""
    print(f"serve: {why} ({INSTALL}): gunicorn serves {host}:{port} without a front cache")
    env = {**env, "BIND": f"{host}:{port}"}
    return supervise({"gunicorn": start(GUNICORN, env), "worker": start(WORKER, env)})


GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
# The committing process purges Varnish itself; the worker sends the purges it could not, and each
# purge's second sending, looking for jobs five times a second (one indexed query an idle look).
WORKER = [sys.executable, "manage.py", "run_tasks", "--interval", "0.2"]


def main():
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    backend_port = int(os.environ.get("BACKEND_PORT") or port + 1)
    if not shutil.which("varnishd"):
        return without_front_cache(os.environ, host, port, "varnishd is not installed")

    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    env = {
        **os.environ,
        "HTTPCACHE_FRONT_CACHES": ",".join(
            [f"http://{local}:{port}", *listed(os.environ.get("HTTPCACHE_FRONT_CACHES"))]
        ),
        "BIND": f"{local}:{backend_port}",
        # Every request comes from Varnish, which adds the visitor's address to X-Forwarded-For.
        "COMMENTS_IP_HEADER": os.environ.get("COMMENTS_IP_HEADER", "HTTP_X_FORWARDED_FOR"),
        # Varnish is the page cache and answers the hits: a second one behind it only adds staleness.
        "PAGE_CACHE": os.environ.get("PAGE_CACHE", "false"),
    }
    probe_host = urlsplit(env.get("SITE_URL") or f"http://{local}:{port}").netloc
    purgers = ["127.0.0.1", "::1", *listed(env.get("VARNISH_PURGE_FROM"))]
    configuration = Path(tempfile.mkdtemp(prefix="commonplace-vcl-"))
    workdir = Path(tempfile.gettempdir()) / f"commonplace-varnish-{port}"
    vcl_file = configuration / "main.vcl"
    vcl_file.write_text(main_vcl([(local, backend_port)], probe_host=probe_host, purgers=purgers))
    # varnishd reads it after dropping its privileges.
    configuration.chmod(0o755)
    vcl_file.chmod(0o644)
    try:
        check = subprocess.run(
            ["varnishd", "-C", "-n", str(workdir), "-f", str(vcl_file)], capture_output=True, text=True
        )
        if check.returncode != 0 and re.search(r"Could not find VMOD (xkey|var)\b", check.stderr):
            return without_front_cache(os.environ, host, port, "varnish-modules (xkey, var) is missing")
        if check.returncode != 0:
            sys.exit(f"serve: the VCL does not compile:\n{check.stderr}")
        processes = {"gunicorn": start(GUNICORN, env), "worker": start(WORKER, env)}
        if wait_for_port(local, backend_port, processes["gunicorn"]):
            listen, storage = f"{host}:{port}", env.get("VARNISH_STORAGE", "malloc,256m")
            processes["varnish"] = start(varnishd_command(workdir, listen, vcl_file, storage), env)
            print(
                f"serve: Varnish on {listen} in front of gunicorn on {local}:{backend_port} "
                f"(varnishlog -n {workdir}); Ctrl-C stops everything"
            )
        code = supervise(processes)
        # Its shared memory log is large: leave nothing behind in the temporary directory.
        shutil.rmtree(workdir, ignore_errors=True)
        return code
    finally:
        shutil.rmtree(configuration, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
