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


def test_a_transaction_saving_many_rows_retires_the_pages_once(announced):
    """Fifty posts saved in one transaction announce their keys once, after it commits, and all show."""
    posts = [make_post(title=f"Old {number}") for number in range(50)]
    warm("/")
    announced.clear()
    with transaction.atomic():
        for number, post in enumerate(posts):
            retitle(post, f"New {number}")
        assert announced == []
    assert len(announced) == 1
    assert "New 49" in Client().get("/").content.decode()


def test_each_transaction_retires_the_pages(announced):
    """Two transactions one after the other are two changes: each shows at once."""
    first, second = make_post(title="First old"), make_post(title="Second old")
    warm("/")
    announced.clear()
    with transaction.atomic():
        retitle(first, "First new")
    assert "First new" in Client().get("/").content.decode()
    with transaction.atomic():
        retitle(second, "Second new")
    assert len(announced) == 2
    assert "Second new" in Client().get("/").content.decode()
