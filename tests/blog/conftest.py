"""Fixtures for the blog's tests: a stand-in pipeline and staff accounts."""

import pytest

from tests.factories import make_staff


@pytest.fixture
def pipeline(monkeypatch):
    """Replace the pure pipeline with one returning a chosen Rendering; returns a setter.

    ``pipeline(lambda text, sources: rendering)`` makes every save, form and
    preview see that rendering, whatever the dialect implementation is.
    """

    def use(function):
        monkeypatch.setattr(
            "blog.models.render_post", lambda text, sources, *args, **kwargs: function(text, sources)
        )

    return use


@pytest.fixture
def author(db):
    """A staff member in the Authors group, as the demo's author account is."""
    return make_staff(groups=["Authors"])


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client
