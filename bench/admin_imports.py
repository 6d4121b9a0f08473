"""Time imports through the admin: the upload's answer, then the worker's job, watched on the import's page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace \\
        .venv/bin/python bench/admin_imports.py [--wxr FILE] [--sources N]

Without ``--wxr`` a 50 MB export is written with ``bench/make_wxr.py``
(3,700 posts, 37,000 comments). Runs in a throw-away PostgreSQL database
(``test_<name>``), uploads as an editor through the whole middleware stack
(Django's test client), then starts a worker in its own process
(``run_tasks --until-empty``) and reads the import's page every two seconds
while it runs, as the uploader's browser does. Then the same for ``--sources``
records (default 5,000, every field set, from ``bench/import_sources.py``)
as CSL-JSON and as BibTeX. Prints the upload's response time, the job's
duration, the worker's peak memory and the progress the page showed.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UPLOADS = tempfile.mkdtemp(prefix="commonplace-bench-imports-")
# The test suite's settings (DEBUG off, no page cache), for this process and the worker's.
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "tests.settings",
    "ALLOWED_HOSTS": "testserver",
    "LOG_LEVEL": "WARNING",
    "IMPORTS_UPLOAD_DIR": UPLOADS,
}
os.environ.update(ENVIRONMENT)


def worker(database_url):
    """A worker process on the throw-away database, as `make serve` runs one beside gunicorn."""
    command = [sys.executable, "manage.py", "run_tasks", "--until-empty", "--interval", "0.2", "-v", "0"]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url})


def follow(client, label, upload_url, data, database_url):
    """Upload ``data``, then run the worker and watch the import's page until it finishes."""
    from imports.models import ImportRun

    started = time.perf_counter()
    response = client.post(upload_url, data)
    answered = time.perf_counter() - started
    assert response.status_code == 302, (response.status_code, response.content[:2000])
    page = response["Location"]
    run = ImportRun.objects.get(pk=re.search(r"/(\d+)/change/", page).group(1))
    print(f"{label}: {run.size / 1e6:.1f} MB; upload answered 302 in {answered:.2f} s")
    process, samples, slowest = worker(database_url), [], 0.0
    while process.poll() is None:
        time.sleep(2)
        moment = time.perf_counter()
        text = client.get(page).content.decode()
        slowest = max(slowest, time.perf_counter() - moment)
        if status := re.search(r"Status: <strong>(\w+)</strong>", text):
            percent = re.search(r"(\d+)% of the file read", text)
            items = re.search(r"(\d+) items? saved", text)
            sample = (
                f"{status.group(1)}"
                + (f" {percent.group(1)}%" if percent else "")
                + (f" {items.group(1)} items" if items else "")
            )
            if not samples or samples[-1] != sample:
                samples.append(sample)
    run.refresh_from_db()
    job = (run.finished - run.started).total_seconds()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  job: {run.status} in {job:.1f} s; worker peak RSS so far {peak:.0f} MB")
    print(
        f"  import page while running (every 2 s, changes; slowest answer {slowest * 1000:.0f} ms): "
        + ", ".join(samples)
    )
    print("  " + (run.summary or run.error))
    if run.report:
        print("  " + "\n  ".join(line for line in run.report if not line.startswith("  ")))


def main():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from bench.import_sources import records
    from citations import formats

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--wxr", help="A WordPress export (default: a 50 MB one written by bench/make_wxr.py)."
    )
    parser.add_argument(
        "--sources", type=int, default=5000, help="Records in the source files (default 5000)."
    )
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the worker runs in another process.")
    wxr = options.wxr
    if wxr is None:
        wxr = str(Path(UPLOADS) / "bench.xml")
        subprocess.run(
            [sys.executable, "bench/make_wxr.py", wxr, "--posts", "3700", "--comments", "37000"],
            cwd=ROOT,
            check=True,
        )
    url = os.environ["DATABASE_URL"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    database_url = url.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    try:
        editor = get_user_model().objects.create_user("bench-editor", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        client = Client()
        client.force_login(editor)
        with open(wxr, "rb") as export:
            follow(
                client,
                "WordPress export",
                reverse("admin:wordpress_import"),
                {"export": export},
                database_url,
            )
        for fmt, name in (("csl-json", "sources.json"), ("bibtex", "sources.bib")):
            data = formats.write(records(options.sources), fmt).encode()
            upload = {"file": SimpleUploadedFile(name, data), "format": fmt}
            follow(
                client,
                f"{options.sources} sources, {fmt}",
                reverse("admin:citations_source_import"),
                upload,
                database_url,
            )
    finally:
        connection.creation.destroy_test_db(url.rsplit("/", 1)[1], verbosity=0)
        shutil.rmtree(UPLOADS, ignore_errors=True)


if __name__ == "__main__":
    main()
