"""A change purges the CDN by key: Cloudflare by cache tag, Fastly by surrogate key, batched, retried."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from comments.services import comment_moderate
from httpcache import purge
from tests.factories import make_comment, make_post, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


class CdnApi(ThreadingHTTPServer):
    """A local HTTP server standing for a CDN's API: it records each request and answers ``statuses``."""

    def __init__(self):
        self.received, self.statuses = [], []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.received.append((self.command, self.path, dict(self.headers.items()), body))
                status = server.statuses.pop(0) if server.statuses else 200
                answer = json.dumps({"success": status == 200}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def api(settings):
    server = CdnApi()
    settings.HTTPCACHE_FRONT_CACHES = []
    settings.HTTPCACHE_CDN_API_URL = server.url
    settings.HTTPCACHE_CDN_TOKEN = "secret-token"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def cloudflare(api, settings):
    settings.HTTPCACHE_CDN, settings.HTTPCACHE_CDN_ID = "cloudflare", "zone123"
    return api


@pytest.fixture
def fastly(api, settings):
    settings.HTTPCACHE_CDN, settings.HTTPCACHE_CDN_ID = "fastly", "service456"
    return api


def approve_a_comment(django_capture_on_commit_callbacks):
    """Approve a held comment on a new post, committed and its purge run; return the post."""
    with django_capture_on_commit_callbacks(execute=True):
        post, moderator = make_post(), make_user(is_staff=True)
        comment = make_comment(post=post, status=Comment.Status.PENDING)
    run_jobs()
    return post, comment, moderator


def test_approving_a_comment_asks_cloudflare_to_purge_the_threads_tags(
    cloudflare, django_capture_on_commit_callbacks
):
    """One POST to the zone's purge_cache, with the token, naming the post's thread and the comments feed."""
    post, comment, moderator = approve_a_comment(django_capture_on_commit_callbacks)
    cloudflare.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(comments=[comment], status="approved", moderator=moderator)
    run_jobs()
    [(method, path, headers, body)] = cloudflare.received
    assert (method, path) == ("POST", "/client/v4/zones/zone123/purge_cache")
    assert headers["Authorization"] == "Bearer secret-token"
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"tags": ["comments", f"thread-{post.pk}"]}


def test_approving_a_comment_asks_fastly_to_purge_the_threads_keys(
    fastly, django_capture_on_commit_callbacks
):
    """One POST to the service's purge, with the token, the keys in a Surrogate-Key header."""
    post, comment, moderator = approve_a_comment(django_capture_on_commit_callbacks)
    fastly.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(comments=[comment], status="approved", moderator=moderator)
    run_jobs()
    [(method, path, headers, body)] = fastly.received
    assert (method, path) == ("POST", "/service/service456/purge")
    assert headers["Fastly-Key"] == "secret-token"
    assert headers["Surrogate-Key"] == f"comments thread-{post.pk}"
    assert body == b""


def test_cloudflare_gets_at_most_30_tags_a_request(cloudflare):
    """65 keys are three requests of 30, 30 and 5 tags, all of them once."""
    keys = [f"post-{number}" for number in range(65)]
    purge.send(keys)
    sent = [json.loads(body)["tags"] for *_, body in cloudflare.received]
    assert [len(tags) for tags in sent] == [30, 30, 5]
    assert sorted(sum(sent, [])) == sorted(keys)


def test_fastly_gets_at_most_256_keys_a_request(fastly):
    """300 keys are two requests of 256 and 44 surrogate keys."""
    keys = [f"post-{number}" for number in range(300)]
    purge.send(keys)
    sent = [headers["Surrogate-Key"].split() for _, _, headers, _ in fastly.received]
    assert [len(batch) for batch in sent] == [256, 44]
    assert sorted(sum(sent, [])) == sorted(keys)


def test_the_cdn_is_purged_again_later_and_ahead_of_other_waiting_jobs(
    cloudflare, django_capture_on_commit_callbacks, settings
):
    """The CDN may refetch from the front cache before that has the new page: it is purged again later."""
    settings.HTTPCACHE_PURGE_AGAIN_SECONDS = 2
    committed = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        purge.purge_on_commit({"post-1"})
    first, again = DBTaskResult.objects.filter(task_path="httpcache.tasks.purge").order_by("enqueued_at")
    assert 1.5 < (again.run_after - committed).total_seconds() < 3
    assert first.priority == again.priority > 0
    run_jobs()
    assert len(cloudflare.received) == 1
    DBTaskResult.objects.filter(pk=again.pk).update(run_after=committed)
    run_jobs()
    assert [json.loads(body)["tags"] for *_, body in cloudflare.received] == [["post-1"], ["post-1"]]


def test_a_failed_cdn_purge_is_retried_by_the_jobs_app(
    cloudflare, django_capture_on_commit_callbacks, settings
):
    """A 503 fails the job, which is queued again; the retry reaches the CDN."""
    settings.HTTPCACHE_PURGE_AGAIN_SECONDS = 0
    cloudflare.statuses = [503]
    with django_capture_on_commit_callbacks(execute=True):
        purge.purge_on_commit({"post-1"})
    run_jobs()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_jobs()
    assert [json.loads(body) for *_, body in cloudflare.received] == [{"tags": ["post-1"]}] * 2
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1


def test_an_unknown_cdn_is_a_configuration_error(api, settings):
    """A CDN without an adapter fails the purge with a readable error rather than purging nothing."""
    settings.HTTPCACHE_CDN = "akamai"
    with pytest.raises(ImproperlyConfigured, match="cloudflare or fastly"):
        purge.send(["post-1"])
