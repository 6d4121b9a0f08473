"""With Redis gone, comments are still accepted and pages still served: the cache only guards.

The test starts a Redis of its own on a free port, points the cache at it,
and kills it halfway.
"""

import logging
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from config import env
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(settings, monkeypatch):
    """A Redis server of this test's own, the cache on it (as ``CACHE_URL`` sets it), the page cache on."""
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    settings.CACHES = {"default": env.cache_config(f"redis://127.0.0.1:{port}/0")}
    settings.PAGECACHE_ENABLED = True
    yield server
    server.kill()
    server.wait()


def send(post, address, **fields):
    client = Client(REMOTE_ADDR=address)
    return client.post(
        reverse("comments:post", kwargs={"post_id": post.pk}), comment_form_data(post, **fields)
    )


def test_comments_are_accepted_and_pages_served_while_redis_is_down(
    own_redis, settings, caplog, django_capture_on_commit_callbacks
):
    """Limits hold while Redis answers; once it is killed, every comment is stored and the page shows them."""
    settings.COMMENTS_RATE_LIMIT = 3
    post = make_post()
    make_comment(
        post=post, author_name="Known", author_email="known@example.org", status=Comment.Status.APPROVED
    )
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            send(post, "192.0.2.1", name="Known", email="known@example.org", body=f"Up {n}").status_code
            for n in range(4)
        ]
    assert answers == [302, 302, 302, 429]
    first = Client().get(post.get_absolute_url())
    assert first.status_code == 200 and "Up 2" in first.content.decode()

    own_redis.kill()
    own_redis.wait()
    with pytest.raises(redis.ConnectionError):
        cache.get("anything")
    caplog.clear()
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        answers = [
            send(post, "192.0.2.1", name="Known", email="known@example.org", body=f"Down {n}").status_code
            for n in range(10)
        ]
    assert answers == [302] * 10
    assert set(Comment.objects.filter(body__startswith="Down").values_list("status", flat=True)) == {
        "approved"
    }
    assert Comment.objects.filter(body__startswith="Down").count() == 10
    assert any("rate limits are off" in record.getMessage() for record in caplog.records)
    assert all(record.levelno >= logging.WARNING for record in caplog.records)

    page = Client().get(post.get_absolute_url())
    assert page.status_code == 200
    assert all(f"Down {n}" in page.content.decode() for n in range(10))
    writer = Client(REMOTE_ADDR="192.0.2.2")
    assert writer.post(reverse("comments:post", args=[post.pk]), comment_form_data(post)).status_code == 302
    own = writer.get(reverse("comments:own", args=[post.pk])).json()
    assert "awaiting moderation" in own["held"][0]["html"]


def test_a_redis_that_stops_answering_costs_no_comment(own_redis, django_capture_on_commit_callbacks):
    """A Redis that accepts connections but never answers (stopped) times out: the comment is stored."""
    post = make_post()
    warm = Client().get(post.get_absolute_url())
    assert warm.status_code == 200
    own_redis.send_signal(signal.SIGSTOP)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert send(post, "192.0.2.3", body="Said while Redis slept").status_code == 302
        assert Client().get(post.get_absolute_url()).status_code == 200
    finally:
        own_redis.send_signal(signal.SIGCONT)
    assert Comment.objects.filter(body="Said while Redis slept").exists()
