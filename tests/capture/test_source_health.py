"""The daily re-check: cited sources fetched again, and those changed where quoted, moved or dead listed."""

import pytest
from django.urls import reverse

from capture import health
from capture.models import QuotationCheck, Snapshot, SourceHealth
from jobs.periodic import enqueue_due
from tests.factories import make_post, make_source, make_staff
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db

ARTICLE = "<html><body><article><p>{}</p></article></body></html>"
PASSAGE = "The militants came at dawn, in pickup trucks mounted with heavy machine guns."


@pytest.fixture
def cited(settings, web, django_capture_on_commit_callbacks):
    """Four sources quoted in posts, each page kept once: the snapshots and checks are made by the worker."""
    settings.CAPTURE_SNAPSHOT_CITED = True
    sources = {}
    for name in ("steady", "changed", "moved", "dead"):
        web.page(f"/{name}", ARTICLE.format(PASSAGE))
        sources[name] = make_source(key=name, url=web.url(f"/{name}"))
        with django_capture_on_commit_callbacks(execute=True):
            make_post(body=f"> The militants came at dawn …\n>\n> — [@{name}]")
    run_jobs()
    assert set(QuotationCheck.objects.values_list("status", flat=True)) == {"found"}
    return sources


def recheck():
    enqueue_due()
    run_jobs()


def test_the_daily_job_sorts_changed_moved_and_dead_sources_from_steady_ones(cited, web):
    """A changed passage, a redirect and a 404 are each recorded; the steady page keeps its one snapshot."""
    web.page("/changed", ARTICLE.format("The militants came at noon, in pickup trucks."))
    web.redirect("/moved", "/elsewhere", status=301)
    web.page("/elsewhere", ARTICLE.format(PASSAGE))
    del web.routes["/dead"]
    recheck()
    states = {row.source.key: row for row in SourceHealth.objects.select_related("source")}
    assert {key: row.state for key, row in states.items()} == {
        "steady": "ok",
        "changed": "changed",
        "moved": "moved",
        "dead": "died",
    }
    assert states["changed"].detail == "No longer found: “The militants came at dawn”"
    assert states["moved"].moved_to == web.url("/elsewhere")
    assert "answered 404" in states["dead"].detail
    assert Snapshot.objects.filter(source=cited["steady"]).count() == 1
    changed = QuotationCheck.objects.get(source=cited["changed"])
    assert changed.status == "not_found" and "came at noon" in changed.spans[0]["nearest"]


def test_a_canonical_link_elsewhere_is_a_move(cited, web):
    """The page answers where it was but names another address as its own."""
    web.page(
        "/steady",
        f'<html><head><link rel="canonical" href="{web.url("/new-home")}"></head>'
        f"<body><article><p>{PASSAGE}</p></article></body></html>",
    )
    recheck()
    row = SourceHealth.objects.get(source=cited["steady"])
    assert (row.state, row.moved_to) == ("moved", web.url("/new-home"))


def test_each_run_takes_a_bounded_batch_the_longest_unchecked_first(cited, web, settings):
    """Two a run: the first run checks two sources, the next run the other two."""
    settings.CAPTURE_RECHECK_BATCH = 2
    first = {row.source.key for row in health.recheck_sources()}
    second = {row.source.key for row in health.recheck_sources()}
    assert len(first) == len(second) == 2 and first | second == set(cited)


def test_editors_see_source_health_with_filters(cited, web, client):
    """The admin list shows each source's state; the filter leaves only the dead."""
    del web.routes["/dead"]
    recheck()
    client.force_login(make_staff(groups=["Editors"]))
    url = reverse("admin:capture_sourcehealth_changelist")
    page = client.get(url).content.decode()
    assert "as quoted" in page and "died" in page
    page = client.get(url, {"state__exact": "died"}).content.decode()
    assert "answered 404" in page and ">steady<" not in page


def test_a_source_cited_only_in_the_text_under_an_in_text_style_is_checked(web, settings):
    """Under APA a source the posts cite in the running text, never quoting it, is re-checked too."""
    settings.CITATION_STYLE = "apa"
    web.page("/cited", ARTICLE.format(PASSAGE))
    source = make_source(key="cited", url=web.url("/cited"))
    make_post(body="As reported [@cited, p. 2].")
    assert health.due_sources(10) == [source.pk]
