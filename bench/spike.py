"""The spike: a busy thread on a hot post, through Varnish, with a comment approved every second.

Varnish (the project's VCL) in front of the warm site, purged by key by the
approving process as it commits, and the worker (``deploy.serve.WORKER``)
beside them, as under ``make serve``. ``wrk -t2 -c32`` reads the hot 200-comment post while ``wrk -t1
-c16`` (``bench/others.lua``) reads the 500 other posts in turn, counting
Varnish's ``X-Cache`` answers. Each turn (``BENCH_SPIKE_ROUNDS``, 3) runs
that load twice: once alone, once while ``bench.approver`` approves a held
comment on the hot post every second through ``comment_moderate`` and
times how long each takes to show in the page read through Varnish.
Medians of the turns are reported: the hot post's rate with approvals
against without, its p99, the slowest approval to show, and the other
posts' hit ratio.
"""

import contextlib
import json
import os
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.front import get, start, stop
from deploy.serve import WORKER, main_vcl, varnishd_command

PROJECT_DIR = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_SPIKE_ROUNDS", "3"))
HOT_CONNECTIONS, OTHER_CONNECTIONS = 32, 16
# On a site the readers' load comes from other machines; here wrk shares two cores with the site, and
# at its own priority it starves the worker and gunicorn of the little CPU a purge and a fetch need.
NICE = os.environ.get("BENCH_SPIKE_NICE", "10")


def lower_weight():
    """Run in wrk's new session before it starts: give the session's scheduling group the weight of NICE.

    Under the kernel's automatic scheduling groups (one per session), ``nice`` weighs a process only
    against others of its own session; the group's own nice value is what weighs it against the site.
    """
    with contextlib.suppress(OSError):  # a kernel without sched_autogroup: nice alone does it
        Path("/proc/self/autogroup").write_text(NICE)


def load_generator(command, **kwargs):
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=lower_weight, **kwargs
    )


def seconds(duration):
    units = {"s": 1, "m": 60, "h": 3600}
    return int(float(duration[:-1]) * units[duration[-1]]) if duration[-1] in units else int(duration)


def wrk_command(url, connections, threads, duration, script=None):
    command = [
        "nice",
        "-n",
        NICE,
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}",
        "--timeout",
        "30s",
        "--latency",
    ]
    command += ["-H", "Accept-Encoding: gzip"]
    return command + (["-s", str(script)] if script else []) + [url]


def load(varnish, path, paths_file, duration, parse, approver=None):
    """wrk on the hot post and on the others at once; with ``approver``, started as they start."""
    env = {**os.environ, "BENCH_PATHS_FILE": str(paths_file)}
    others = load_generator(
        wrk_command(varnish + "/", OTHER_CONNECTIONS, 1, duration, PROJECT_DIR / "bench" / "others.lua"),
        env=env,
    )
    hot = load_generator(wrk_command(varnish + path, HOT_CONNECTIONS, 2, duration))
    if approver:
        approver.stdin.write("go\n")
        approver.stdin.flush()
    hot_output, others_output = hot.communicate()[0], others.communicate()[0]
    counts = dict(part.split("=") for part in others_output.split("CACHE ", 1)[1].split())
    hits, misses = int(counts["hits"]), int(counts["misses"])
    return {
        "hot": {**parse(hot_output), "raw": hot_output},
        "others": {
            **parse(others_output),
            "hits": hits,
            "misses": misses,
            "hit_ratio": hits / max(hits + misses, 1),
        },
    }


def warm(base, paths):
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda path: get(base + path), paths))


def run(server_class, site_env, targets, free_port, duration, parse, log):
    """The spike's figures: each turn without and with approvals, and their medians."""
    root = Path(tempfile.mkdtemp(prefix="commonplace-bench-spike-"))
    root.chmod(0o755)
    varnish_port = free_port()
    varnish = f"http://127.0.0.1:{varnish_port}"
    env = site_env(HTTPCACHE_FRONT_CACHES=varnish, GUNICORN_ACCESS_LOG="-")
    log(f"spike: starting gunicorn (2 workers) and the worker behind Varnish; their logs in {root}")
    server = server_class(env, log=root / "gunicorn.log", own_session=True)
    processes = []
    try:
        vcl = root / "main.vcl"
        vcl.write_text(main_vcl([("127.0.0.1", server.port)], probe_host="127.0.0.1"))
        vcl.chmod(0o644)
        processes.append(
            start(varnishd_command(root / "varnish", f"127.0.0.1:{varnish_port}", vcl), varnish_port)
        )
        with open(root / "worker.log", "w") as worker_log:
            processes.append(
                subprocess.Popen(
                    WORKER,
                    cwd=PROJECT_DIR,
                    env=env,
                    stdout=worker_log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        approver = [str(WORKER[0]), "-m", "bench.approver"]
        paths = json.loads(
            subprocess.run(
                [*approver, "paths", str(targets["post_id"])],
                cwd=PROJECT_DIR,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        paths_file = root / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        log(f"spike: warming the hot post and {len(paths)} others in Varnish")
        warm(varnish, [targets["post"], *paths])
        turns = []
        for turn in range(1, ROUNDS + 1):
            log(f"spike: turn {turn} of {ROUNDS}, without approvals")
            calm = load(varnish, targets["post"], paths_file, duration, parse)
            time.sleep(1)
            log(f"spike: turn {turn} of {ROUNDS}, a comment approved every second")
            process = subprocess.Popen(
                [
                    *approver,
                    "approve",
                    str(targets["post_id"]),
                    varnish + targets["post"],
                    str(seconds(duration)),
                ],
                cwd=PROJECT_DIR,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            if process.stdout.readline().strip() != "ready":
                raise SystemExit("spike: the approver did not start")
            spike = load(varnish, targets["post"], paths_file, duration, parse, approver=process)
            spike.update(json.loads(process.communicate()[0].strip().splitlines()[-1]))
            turns.append({"calm": calm, "spike": spike})
            # The approver deleted its comments: let the purge land, and warm the page again.
            time.sleep(2)
            get(varnish + targets["post"])
        return summarize(turns)
    finally:
        for process in reversed(processes):
            stop(process)
        server.stop()


def summarize(turns):
    def median(values):
        return statistics.median(values) if values else None

    lags = [lag for turn in turns for lag in turn["spike"]["lags_s"]]
    shown = [lag for lag in lags if lag is not None]
    # From the approval's commit: what the purge and the refetch take, without the moderator's transaction.
    after_commit = [
        lag - commit
        for turn in turns
        for lag, commit in zip(turn["spike"]["lags_s"], turn["spike"]["commits_s"], strict=True)
        if lag is not None
    ]
    return {
        "turns": turns,
        "calm_rps": median([turn["calm"]["hot"]["rps"] for turn in turns]),
        "spike_rps": median([turn["spike"]["hot"]["rps"] for turn in turns]),
        "ratio": median([turn["spike"]["hot"]["rps"] / turn["calm"]["hot"]["rps"] for turn in turns]),
        "calm_p99_ms": median([turn["calm"]["hot"]["p99_ms"] for turn in turns]),
        "spike_p99_ms": median([turn["spike"]["hot"]["p99_ms"] for turn in turns]),
        "approvals": len(lags),
        "missed": len(lags) - len(shown),
        "lag_median_s": median(shown),
        "lag_max_s": max(shown) if shown else None,
        "within_1s": sum(lag <= 1 for lag in shown),
        "after_commit_median_s": median(after_commit),
        "after_commit_max_s": max(after_commit) if after_commit else None,
        "commit_median_s": median([commit for turn in turns for commit in turn["spike"]["commits_s"]]),
        "others_rps": median([turn["spike"]["others"]["rps"] for turn in turns]),
        "others_hit_ratio": median([turn["spike"]["others"]["hit_ratio"] for turn in turns]),
        "others_misses": sum(turn["spike"]["others"]["misses"] for turn in turns),
    }


def report(spike, fmt):
    """Goals: >= 0.7 of the calm rate, p99 <= 50 ms, every approval shown within 1 s, others >= 99% hits."""
    print(
        f"\nspike through Varnish: {HOT_CONNECTIONS} connections on the hot post, {OTHER_CONNECTIONS} on the "
        f"500 others, a comment approved every second (medians of {len(spike['turns'])} turns):"
    )
    print(
        "  hot post: "
        + ", ".join(
            f"{fmt(turn['calm']['hot']['rps'])} -> {fmt(turn['spike']['hot']['rps'])} req/s"
            for turn in spike["turns"]
        )
    )
    print(
        f"  ratio {spike['ratio']:.2f} of its rate without approvals (goal >= 0.7); p99 "
        f"{fmt(spike['spike_p99_ms'])} ms (goal <= 50; {fmt(spike['calm_p99_ms'])} without)"
    )
    if spike["lag_max_s"] is not None:
        print(
            f"  approvals: {spike['approvals']}, shown after a median {spike['lag_median_s']:.3f} s, "
            f"at most {spike['lag_max_s']:.3f} s (goal <= 1), {spike['within_1s']} within 1 s, "
            f"never shown {spike['missed']}"
        )
        print(
            f"  from the commit (the approval itself took a median {spike['commit_median_s']:.3f} s): "
            f"median {spike['after_commit_median_s']:.3f} s, at most {spike['after_commit_max_s']:.3f} s"
        )
    print(
        f"  other posts: {fmt(spike['others_rps'])} req/s, hit ratio {spike['others_hit_ratio']:.2%} "
        f"(goal >= 99%), {spike['others_misses']} misses in all"
    )
