"""Cached pages retire once per transaction, however many rows it saves."""

import pytest
from django.db import transaction
from django.test import Client

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


def test_each_transaction_retires_the_pages(bumps):
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
