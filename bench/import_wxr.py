"""Time the importer and measure its peak memory: ``python bench/import_wxr.py FILE [--dry-run]``.

Uses the project's settings and ``DATABASE_URL`` (migrate the database first),
runs the import once and prints the report, the wall time, the CPU time of
this process (the database's is not in it; on a loaded machine it varies less
than the wall time) and the peak resident memory (``resource.getrusage``'s maxrss).
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")


def main():
    import django

    django.setup()
    from wordpress.importer import import_wxr

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()
    size = Path(options.file).stat().st_size
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    with open(options.file, "rb") as export:
        report = import_wxr(export, dry_run=options.dry_run)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("\n".join(report.summary_lines()))
    print(f"problems: {len(report.problems)}")
    print(f"file: {size / 1e6:.1f} MB; time: {elapsed:.1f} s; CPU time: {cpu:.1f} s")
    print(f"peak RSS: {peak / 1024:.0f} MB (after Django's setup: {before / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
