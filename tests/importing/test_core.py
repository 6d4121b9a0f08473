"""The importing core as another platform's importer uses it: a report and fingerprints of its own."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from importing.directories import Tags, Users
from importing.fingerprints import fingerprint
from importing.htmltree import LimitError, parse
from importing.report import Report


def test_a_fingerprint_changes_with_the_item_and_with_the_converters_version():
    item = {"title": "A post", "body": "<p>Text</p>"}
    assert fingerprint("1", item) == fingerprint("1", dict(reversed(item.items())))
    assert fingerprint("1", item) != fingerprint("1", {**item, "body": "<p>Text.</p>"})
    assert fingerprint("1", item) != fingerprint("2", item)
    assert len(fingerprint("1", item)) == 64


def test_the_html_depth_limit_is_the_callers_and_its_error_names_the_callers_setting():
    html = "<div>" * 6 + "text" + "</div>" * 6
    assert parse(html, max_depth=6)[0].text() == "text"
    with pytest.raises(LimitError, match=r"deeper than 5 elements \(GHOST_IMPORT_MAX_HTML_DEPTH\)$"):
        parse(html, max_depth=5, setting="GHOST_IMPORT_MAX_HTML_DEPTH")
    with pytest.raises(LimitError) as error:
        parse(html, max_depth=5)
    assert str(error.value) == "its HTML nests deeper than 5 elements"


def test_the_generic_report_names_the_site_counts_and_problems():
    report = Report(site="https://ghost.example", version="5")
    report.count("posts", "created", 2)
    report.problem("post", "abc", "no title")
    assert report.lines() == [
        "Export of https://ghost.example (version 5).",
        "users: 0 created, 0 updated, 0 unchanged, 0 skipped",
        "tags: 0 created, 0 updated, 0 unchanged, 0 skipped",
        "sources: 0 created, 0 updated, 0 unchanged, 0 skipped",
        "posts: 2 created, 0 updated, 0 unchanged, 0 skipped",
        "pages: 0 created, 0 updated, 0 unchanged, 0 skipped",
        "comments: 0 created, 0 updated, 0 unchanged, 0 skipped",
        "1 item not converted cleanly:",
        "  post abc: no title",
    ]


@dataclass
class TaggedReport(Report):
    """A platform's report with a tally of its own."""

    cards: int = 0

    def snapshot(self):
        return (self.cards,)

    def restore(self, saved):
        (self.cards,) = saved or (0,)

    def extra_lines(self):
        return [f"cards: {self.cards}"]


def test_a_rolled_back_batch_is_forgotten_with_the_platforms_own_tallies():
    report = TaggedReport()
    report.count("posts", "created")
    report.cards = 1
    report.checkpoint()
    report.count("posts", "created")
    report.problem("post", 2, "bad")
    report.cards = 5
    report.back_to_checkpoint()
    assert report.counts["posts"]["created"] == 1
    assert report.problems == [] and report.cards == 1
    assert report.summary_lines()[-1] == "cards: 1"


@pytest.mark.django_db
def test_users_and_tags_of_another_platform_take_its_name_and_its_ignored_terms():
    report = Report()
    staff = get_user_model().objects.create_user("ana", is_staff=True)
    users = Users(report, platform="ghost")
    assert users.get("ana").username == "ana-ghost" != staff.username
    assert users.get("").username == "ghost"
    tags = Tags(report, ignored={"news"})
    assert tags.get("News") is None
    assert tags.get("Uncategorized").slug == "uncategorized"
