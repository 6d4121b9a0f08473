"""The spike's moderator: approves a held comment on the hot post every second, the way the admin does.

Run by ``bench.spike`` with the bench's environment (the same database, cache
and ``HTTPCACHE_FRONT_CACHES`` as the site, so the approval purges Varnish
and retires the page cache's copy as in production):

- ``python -m bench.approver paths POST_ID``: the 500 other posts' paths, as JSON;
- ``python -m bench.approver approve POST_ID URL SECONDS``: holds SECONDS
  comments on the post (each with a word of its own), prints ``ready`` once
  the page at URL (through the front cache) is warm again, waits for a line
  on stdin, then approves one each second through ``comment_moderate`` (the
  moderation queue's and the admin's service). A thread per approval reads
  URL every 25 ms until the page shows the comment: the lag is from the call
  to the first response that contains it. At the end the comments are
  deleted; prints JSON with the lags, how long each approval took to commit, and when each
  began (epoch seconds, to read beside gunicorn's log).
"""

import gzip
import json
import os
import sys
import threading
import time
import urllib.request
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from blog.models import Post  # noqa: E402
from blog.rendering import render_comment  # noqa: E402
from comments.models import Comment  # noqa: E402
from comments.services import comment_moderate  # noqa: E402

# Give up on an approval that has not shown after this long (it counts as missed).
GIVE_UP_SECONDS = 10
POLL_SECONDS = 0.025


def read(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        return gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body


def paths(post_id):
    others = Post.objects.published().exclude(pk=post_id).order_by("pk")
    return [post.get_absolute_url() for post in others]


def hold(post, count, run):
    """``count`` held comments on ``post``, each naming a word of its own; (comment, word) pairs."""
    held = []
    for number in range(count):
        word = f"spike{run}n{number}"
        body = f"A comment approved during the spike, {word}."
        held.append(
            (
                Comment.objects.create(
                    post=post,
                    author_name="Spike reader",
                    author_email=f"bench-spike-{run}-{number}@example.org",
                    body=body,
                    body_html=render_comment(body),
                    status=Comment.Status.PENDING,
                ),
                word.encode(),
            )
        )
    return held


def wait_until_shown(url, word, started, lags, index):
    deadline = started + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        if word in read(url):
            lags[index] = time.monotonic() - started
            return
        time.sleep(POLL_SECONDS)


def approve(post_id, url, seconds):
    post = Post.objects.get(pk=post_id)
    moderator, _ = get_user_model().objects.get_or_create(
        username="bench-moderator", defaults={"is_staff": True}
    )
    held = hold(post, seconds, uuid.uuid4().hex[:8])
    # Holding them changed the thread (its count of held comments): let the purge land, then warm it.
    time.sleep(2)
    read(url)
    print("ready", flush=True)
    sys.stdin.readline()
    lags, commits, watchers, approved_at = [None] * len(held), [], [], []
    began = time.monotonic()
    for index, (comment, word) in enumerate(held):
        time.sleep(max(began + index - time.monotonic(), 0))
        started = time.monotonic()
        approved_at.append(time.time())
        comment_moderate(comments=[comment], status=Comment.Status.APPROVED, moderator=moderator)
        commits.append(time.monotonic() - started)
        watcher = threading.Thread(target=wait_until_shown, args=(url, word, started, lags, index))
        watcher.start()
        watchers.append(watcher)
    for watcher in watchers:
        watcher.join()
    Comment.objects.filter(pk__in=[comment.pk for comment, _ in held]).delete()
    print(json.dumps({"lags_s": lags, "commits_s": commits, "approved_at": approved_at}), flush=True)


if __name__ == "__main__":
    command, post_id = sys.argv[1], int(sys.argv[2])
    if command == "paths":
        print(json.dumps(paths(post_id)))
    else:
        approve(post_id, sys.argv[3], int(sys.argv[4]))
