"""Each source's bibliography entry and note are stored beside its sort key, made for the site's style."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from citations import styles
from citations.models import Source
from citations.styles.processor import CslStyle
from tests.factories import make_source


@pytest.fixture
def library(db):
    return [
        make_source(
            key=f"work{number}",
            type="book",
            title=f"Book number {number}",
            authors=[{"given": "Ann", "family": f"Writer{number}"}],
            publisher="Press",
            issued_year=2000 + number,
        )
        for number in range(5)
    ]


def refuse_citeproc(monkeypatch):
    """Fail on any call into citeproc-py's formatting from now on, cached or not."""

    def refuse(*args, **kwargs):
        raise AssertionError("citeproc-py was called")

    monkeypatch.setattr(CslStyle, "bibliography", refuse)
    monkeypatch.setattr(CslStyle, "reference_list", refuse)
    monkeypatch.setattr(CslStyle, "cite", refuse)


def test_a_saved_source_stores_its_entry_and_note_for_the_style(db):
    """Saving a source stores its entry and unlinked note as the style makes them, stamped with the style."""
    source = make_source(key="mill", type="book", title="On Liberty", authors=[{"family": "Mill"}])
    assert source.entry_html == source.bibliography_entry()
    assert source.note_html == source.note(linked=False)
    assert source.sort_style == f"chicago-18:{styles.VERSION}"


@override_settings(CITATION_STYLE="apa")
def test_a_warm_sources_page_under_an_in_text_style_calls_no_engine(
    client, library, monkeypatch, django_assert_max_num_queries
):
    """Under APA the stored entries are read: /sources/ and a source's page call no citeproc-py."""
    Source.objects.update(sort_style="chicago-18:0")
    call_command("rerender", "--stale", verbosity=0)
    refuse_citeproc(monkeypatch)
    with django_assert_max_num_queries(3):
        page = client.get("/sources/").content.decode()
    assert "Writer3, A. (2003). <i>Book number 3</i>. Press." in page
    with django_assert_max_num_queries(4):
        detail = client.get("/sources/work3/").content.decode()
    assert '<dd class="source-note">(Writer3, 2003)</dd>' in detail


def test_a_style_switch_then_rerender_stale_changes_the_entries_on_the_page(client, library):
    """After CITATION_STYLE changes, `rerender --stale` makes every entry again, and /sources/ shows them."""
    assert "Writer1, Ann. <i>Book Number 1</i>. Press, 2001." in client.get("/sources/").content.decode()
    with override_settings(CITATION_STYLE="apa"):
        assert Source.objects.exclude(sort_style="apa:" + styles.VERSION).count() == 5
        call_command("rerender", "--stale", verbosity=0)
        assert set(Source.objects.values_list("sort_style", flat=True)) == {"apa:" + styles.VERSION}
        entry = Source.objects.get(key="work1").entry_html
        assert entry == "Writer1, A. (2001). <i>Book number 1</i>. Press."
        page = client.get("/sources/").content.decode()
    assert "Writer1, A. (2001). <i>Book number 1</i>. Press." in page
    assert "Book Number 1</i>. Press, 2001." not in page


def test_an_entry_made_for_another_style_is_made_on_read_and_stored(client, library):
    """A page finding an entry made for another style (no rerender yet) shows and stores it made anew."""
    with override_settings(CITATION_STYLE="chicago-17"):
        page = client.get("/sources/").content.decode()
        assert "Writer2, Ann. <i>Book Number 2</i>. Press, 2002." in page
        assert set(Source.objects.values_list("sort_style", flat=True)) == {"chicago-17:" + styles.VERSION}


def test_a_bump_of_the_styles_version_makes_entries_stale(db, library, monkeypatch):
    """A new version of the styles' code makes every stored entry stale, to be made again."""
    monkeypatch.setattr(styles, "VERSION", "next")
    assert not any(source.is_current for source in Source.objects.all())
    call_command("rerender", "--stale", verbosity=0)
    assert all(source.is_current for source in Source.objects.all())
