"""Live sites for the Varnish tests: gunicorn servers on one SQLite database, Varnish with the project's VCL.

Changes are made as an admin's script would, in a separate process's Django
shell, and the purges they queue are sent by ``run_tasks --until-empty``, as
the worker beside ``make serve`` sends them.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from deploy.serve import main_vcl, varnishd_command, wait_for_port
from tests import services

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The site's own host name, as a browser sends it through the front cache.
HOST = "blog.test"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


class Varnish:
    """varnishd with ``deploy/varnish/commonplace.vcl`` in front of ``backends`` (ports on 127.0.0.1)."""

    def __init__(self, backends, port=None, purgers=("127.0.0.1", "::1")):
        services.varnishd()
        self.port = port or free_port()
        # Readable by varnishd once it has dropped its privileges.
        self.directory = Path(tempfile.mkdtemp(prefix="commonplace-varnish-test-"))
        self.directory.chmod(0o755)
        vcl = self.directory / "main.vcl"
        vcl.write_text(
            main_vcl(
                [("127.0.0.1", port) for port in backends],
                probe_host=HOST,
                purgers=purgers,
                probe_interval="0.3s",
            )
        )
        vcl.chmod(0o644)
        command = varnishd_command(self.directory / "work", f"127.0.0.1:{self.port}", vcl, "malloc,64m")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if not wait_for_port("127.0.0.1", self.port, self.process, seconds=30):
            self.process.kill()
            stderr = self.process.communicate()[1]
            services.varnishd(stderr)
            raise AssertionError(stderr)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def purge(self, *keys):
        request = urllib.request.Request(
            self.url + "/", method="PURGE", headers={"xkey-purge": " ".join(keys)}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def fetched_from(self, path):
        """The index in ``backends`` of the server that answered the front cache's last fetch of ``path``."""
        log = subprocess.run(
            ["varnishlog", "-n", str(self.directory / "work"), "-d", "-g", "request"]
            + ["-q", f'BereqURL eq "{path}"', "-i", "BackendOpen,BackendReuse"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        return int(re.findall(r"Backend(?:Open|Reuse)\s+\d+ site(\d+)", log)[-1])

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.directory, ignore_errors=True)


class Site:
    """A SQLite database, the gunicorn servers started on it, and its Django shell."""

    def __init__(self, directory, **env):
        self.env = {
            **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
            "DEBUG": "true",
            "ALLOWED_HOSTS": HOST,
            "SECRET_KEY": "varnish-test-secret-key-that-is-long-enough-0123456789abcdef",
            "DATABASE_URL": f"sqlite:///{directory / 'site.sqlite3'}",
            # One cache for the servers and the shell, as on one machine.
            "CACHE_URL": f"file://{directory / 'cache'}",
            "PAGE_CACHE": "false",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_ACCESS_LOG": "",
            "COMMENTS_NOTIFY_MODERATORS": "false",
            "COMMENTS_NOTIFY_AUTHOR": "false",
            "COMMENTS_IP_HEADER": "HTTP_X_FORWARDED_FOR",
            # A test reads what one purge did; the second, later one is tests/httpcache/test_purge.py's.
            "HTTPCACHE_PURGE_AGAIN_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.servers = {}
        self.manage("migrate", "--no-input", "-v0")

    def manage(self, *args, **env):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def orm(self, code):
        """Run ``code`` in a Django shell, then send the purges it queued, as the worker would."""
        output = self.manage("shell", "--no-imports", "-c", code)
        self.run_jobs()
        return output

    def run_jobs(self):
        self.manage("run_tasks", "--until-empty", "--interval", "0.1")

    def start(self, port=None, **env):
        """A gunicorn server on ``port``; its port."""
        port = port or free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR,
            env={**self.env, **env, "BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.servers[port] = process
        if not wait_for_port("127.0.0.1", port, process, seconds=60):
            raise AssertionError(process.stderr.read1().decode())
        return port

    def stop(self, port):
        process = self.servers.pop(port)
        process.terminate()
        process.wait(timeout=30)

    def stop_all(self):
        for port in list(self.servers):
            self.stop(port)


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode()

    @property
    def cache(self):
        return self.headers.get("X-Cache")


def fetch(url, *, data=None, headers=None):
    """An anonymous request (a POST with ``data``), as a browser sends it to the site's host."""
    request = urllib.request.Request(url, data=data, headers={"Host": HOST, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def refetched(url):
    """After a purge: the first read (the old copy, stale, while Varnish fetches anew), then the new one."""
    stale, pages = fetch(url), []
    assert stale.cache == "hit, stale", url
    wait_until(lambda: pages.append(fetch(url)) or pages[-1].cache == "hit")
    return stale, pages[-1]


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
