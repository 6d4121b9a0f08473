"""Cached pages retire once per transaction however many rows it saves, and once per ``deferred()`` block."""

import pytest
from django.db import transaction
from django.test import Client

from pagecache.generation import deferred
from tests.factories import make_post

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache")]


def warm(url):
    """Fetch ``url`` until it is served from the cache; return the cached page's text."""
    Client().get(url)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def retitle(post, title):
    post.title = title
    post.save()


def test_a_transaction_saving_many_rows_retires_the_pages_once(bumps):
    """Fifty posts saved in one transaction start one new generation, after it commits, and all show."""
    posts = [make_post(title=f"Old {number}") for number in range(50)]
    warm("/")
    bumps.clear()
    with transaction.atomic():
        for number, post in enumerate(posts):
            retitle(post, f"New {number}")
        assert bumps == []
    assert len(bumps) == 1
    assert "New 49" in Client().get("/").content.decode()


def test_each_transaction_outside_a_deferral_retires_the_pages(bumps):
    """Two transactions one after the other are two changes: each shows at once."""
    first, second = make_post(title="First old"), make_post(title="Second old")
    warm("/")
    bumps.clear()
    with transaction.atomic():
        retitle(first, "First new")
    assert "First new" in Client().get("/").content.decode()
    with transaction.atomic():
        retitle(second, "Second new")
    assert len(bumps) == 2
    assert "Second new" in Client().get("/").content.decode()


def test_a_deferred_block_retires_once_at_its_end(bumps):
    """Batches committed inside ``deferred()`` leave the cached pages until it ends, then retire them once."""
    posts = [make_post(title=f"Old {number}") for number in range(4)]
    warm("/")
    bumps.clear()
    with deferred():
        for batch in (posts[:2], posts[2:]):
            with transaction.atomic():
                for post in batch:
                    retitle(post, f"New {post.pk}")
        assert bumps == []
        assert Client().get("/")["X-Page-Cache"] == "hit"
    assert len(bumps) == 1
    assert f"New {posts[-1].pk}" in Client().get("/").content.decode()


def test_a_deferred_block_that_raises_still_retires_what_committed(bumps):
    """A task that fails half way has changed what it committed, so the pages retire."""
    post = make_post(title="Before the failure")
    warm("/")
    bumps.clear()
    with pytest.raises(RuntimeError), deferred():
        with transaction.atomic():
            retitle(post, "Committed before the failure")
        raise RuntimeError("stopped")
    assert len(bumps) == 1
    assert "Committed before the failure" in Client().get("/").content.decode()


def test_a_deferred_block_whose_changes_roll_back_retires_nothing(bumps):
    """Nothing committed, nothing retired: the cached page stays."""
    post = make_post(title="Steady")
    warm("/")
    bumps.clear()
    with deferred(), transaction.atomic():
        retitle(post, "Rolled back")
        transaction.set_rollback(True)
    assert bumps == []
    assert Client().get("/")["X-Page-Cache"] == "hit"


def test_a_deferred_block_inside_a_transaction_retires_when_it_commits(bumps):
    """A change still uncommitted when the block ends retires the pages when its transaction commits."""
    post = make_post(title="Inside old")
    warm("/")
    bumps.clear()
    with transaction.atomic():
        with deferred(), deferred():
            retitle(post, "Inside new")
        assert bumps == []
    assert len(bumps) == 1
    assert "Inside new" in Client().get("/").content.decode()
