"""A run of many changes retires the cached pages once, when it ends, not once a change."""

import pytest

from pagecache import generation, retirement
from tests.factories import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def bumps(monkeypatch):
    """The retirements that happen, counted."""
    done = []
    real = generation.bump_quietly
    monkeypatch.setattr(generation, "bump_quietly", lambda: done.append(1) or real())
    return done


def test_every_save_retires_the_pages_once_it_commits(bumps, django_capture_on_commit_callbacks):
    """Outside a coalesced block, each committed save retires the pages."""
    posts = [make_post(), make_post()]
    with django_capture_on_commit_callbacks(execute=True):
        for post in posts:
            post.save()
    assert len(bumps) == 2


def test_saves_inside_a_coalesced_block_retire_the_pages_once_at_its_end(
    bumps, django_capture_on_commit_callbacks
):
    """Three saves (and a nested block) inside ``coalesced()`` make one retirement, after the block."""
    with django_capture_on_commit_callbacks(execute=True), retirement.coalesced():
        make_post(), make_post()
        with retirement.coalesced():
            make_post()
        assert bumps == []
    assert len(bumps) == 1


def test_a_block_that_asks_for_nothing_retires_nothing(bumps, django_capture_on_commit_callbacks):
    """No change inside the block, no retirement at its end."""
    with django_capture_on_commit_callbacks(execute=True), retirement.coalesced():
        pass
    assert bumps == []


def test_a_block_left_by_an_error_still_retires_for_what_it_asked(bumps, django_capture_on_commit_callbacks):
    """Batches committed before a failure are on the pages: the block retires on its way out."""
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        retirement.coalesced(),
    ):
        make_post()
        raise RuntimeError("the fourth batch failed")
    assert len(bumps) == 1
