"""A cited or captured source keeps a dated copy of its page, shown to staff; an archive may save it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capture.models import Snapshot
from capture.selectors import latest_snapshot, latest_snapshot_text
from tests.capture import pages
from tests.factories import make_post, make_source, make_staff
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited(settings, web):
    settings.CAPTURE_SNAPSHOT_CITED = True
    web.page("/article", pages.JSON_LD)
    return make_source(key="wsj", url=web.url("/article"))


def test_a_source_first_cited_gets_its_page_kept_once(cited, web, django_capture_on_commit_callbacks):
    """Saving a post that quotes a source with a URL queues one fetch; citing it again fetches nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        make_post(body="> Words.\n>\n> — [@wsj]")
    run_jobs()
    assert latest_snapshot_text(cited) == "In Diabaly, the militants came at dawn."
    with django_capture_on_commit_callbacks(execute=True):
        make_post(body="As [@wsj] says.")
    run_jobs()
    assert Snapshot.objects.count() == 1 and web.requests == ["/article"]


def test_a_page_that_cannot_be_fetched_is_kept_as_a_failure_saying_why(
    settings, web, django_capture_on_commit_callbacks
):
    """The failed snapshot names the cause; the selectors skip it."""
    settings.CAPTURE_SNAPSHOT_CITED = True
    source = make_source(key="gone", url=web.url("/gone"))
    with django_capture_on_commit_callbacks(execute=True):
        make_post(body="See [@gone].")
    run_jobs()
    assert "answered 404" in Snapshot.objects.get().error
    assert (latest_snapshot(source), latest_snapshot_text(source)) == (None, None)


def test_the_web_archive_is_asked_to_save_the_page_when_the_setting_says(
    cited, web, settings, django_capture_on_commit_callbacks
):
    """With CAPTURE_ARCHIVE_SAVE the archive's copy becomes the source's archive URL."""
    settings.CAPTURE_ARCHIVE_SAVE = True
    copy = f"/web/20261130190000/{cited.url}"
    web.redirect(f"/save/{cited.url}", copy)
    web.page(copy, "<p>archived</p>")
    with django_capture_on_commit_callbacks(execute=True):
        make_post(body="See [@wsj].")
    run_jobs()
    cited.refresh_from_db()
    assert cited.archive_url == web.url(copy)


def test_without_the_setting_no_archive_is_asked(cited, web, django_capture_on_commit_callbacks):
    """CAPTURE_ARCHIVE_SAVE is off by default: the page is fetched, the archive never."""
    with django_capture_on_commit_callbacks(execute=True):
        make_post(body="See [@wsj].")
    run_jobs()
    assert web.requests == ["/article"]


def test_staff_see_the_snapshots_on_the_sources_page(cited, client):
    """The source's page lists its snapshots, dated, with the start of the text or the failure."""
    Snapshot.objects.create(source=cited, url=cited.url, fetched="2026-01-02T03:04:05Z", text="Kept words.")
    Snapshot.objects.create(
        source=cited, url=cited.url, fetched="2026-01-01T00:00:00Z", error="It answered 500."
    )
    client.force_login(make_staff(groups=["Editors"]))
    page = client.get(reverse("admin:citations_source_change", args=[cited.pk])).text
    assert "Snapshots" in page and "Kept words." in page and "It answered 500." in page
    assert page.index("Kept words.") < page.index("It answered 500.")


def test_the_latest_good_snapshot_is_the_one_quotations_are_checked_against(cited):
    """Newest first; a failure after a good copy leaves the good copy as the latest text."""
    Snapshot.objects.create(source=cited, url=cited.url, fetched="2026-01-01T00:00:00Z", text="Old.")
    Snapshot.objects.create(source=cited, url=cited.url, fetched="2026-02-01T00:00:00Z", text="New.")
    Snapshot.objects.create(source=cited, url=cited.url, fetched="2026-03-01T00:00:00Z", error="Gone.")
    assert latest_snapshot_text(cited) == "New."


def test_the_snapshots_panel_costs_one_query_however_many_there_are(cited, client):
    """The source's page reads its snapshots (ten at most, without their HTML) in one query."""
    client.force_login(make_staff(groups=["Editors"]))
    url = reverse("admin:citations_source_change", args=[cited.pk])
    Snapshot.objects.create(source=cited, url=cited.url, fetched="2026-01-01T00:00:00Z", text="One.")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for day in range(2, 20):
        Snapshot.objects.create(
            source=cited, url=cited.url, fetched=f"2026-01-{day:02d}T00:00:00Z", html="x" * 9
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).text
    assert len(many.captured_queries) == len(one.captured_queries)
    assert len(re.findall(r"/admin/capture/snapshot/\d+/", page)) == 10
    panel = [query["sql"] for query in many.captured_queries if "capture_snapshot" in query["sql"]]
    assert len(panel) == 1 and '"html"' not in panel[0]


def test_capturing_with_the_archive_setting_asks_the_archive_too(client, web, settings):
    """A captured page is kept at once, and the archive asked in the background."""
    settings.CAPTURE_ARCHIVE_SAVE = True
    web.page("/article", pages.JSON_LD)
    canonical = web.url("/news/defenders-outgunned")
    web.redirect(f"/save/{canonical}", f"/web/2026/{canonical}")
    web.page(f"/web/2026/{canonical}", "<p>archived</p>")
    client.force_login(make_staff(groups=["Authors"]))
    client.post(reverse("capture:page"), {"url": web.url("/article"), "quote": "Words."})
    run_jobs()
    snapshot = Snapshot.objects.get()
    snapshot.source.refresh_from_db()
    assert snapshot.source.archive_url == web.url(f"/web/2026/{canonical}")
