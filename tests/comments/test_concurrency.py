"""Many readers commenting at once: every comment is stored exactly once (PostgreSQL only)."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import comment_form_data, make_post

THREADS = 10
COMMENTS = 50


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_comments_are_all_stored_once():
    """Fifty comments posted from parallel threads to one post are all stored, none twice."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers; SQLite serialises them")
    post = make_post()
    url = reverse("comments:post", kwargs={"post_id": post.pk})
    forms = [
        comment_form_data(post, email=f"c{n}@example.org", body=f"Parallel {n}") for n in range(COMMENTS)
    ]
    start = Barrier(THREADS)

    def send(number):
        from django.db import connections

        try:
            if number < THREADS:
                start.wait()
            # Readers on networks of their own, each under every rate limit.
            client = Client(REMOTE_ADDR=f"198.51.{number}.1")
            return client.post(url, forms[number]).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(send, range(COMMENTS)))
    assert statuses == [302] * COMMENTS
    bodies = list(Comment.objects.filter(post=post).values_list("body", flat=True))
    assert len(bodies) == COMMENTS
    assert sorted(bodies) == sorted(f"Parallel {n}" for n in range(COMMENTS))
