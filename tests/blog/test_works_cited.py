"""A post may end with "Works cited": the bibliography entries of every source it cites or quotes."""

import re

import pytest
from django.test import override_settings

from tests.factories import make_post, make_source

BODY = (
    "Zola wrote it first[@zola]. Deane came later[@deane], and again[@deane, p. 4].\n\n"
    "> The paper said so.\n>\n> — [@times]\n"
)


@pytest.fixture
def post(db):
    make_source(
        key="zola",
        type="book",
        title="Germinal",
        authors=[{"given": "Émile", "family": "Zola"}],
        publisher="Charpentier",
        issued_year=1885,
    )
    make_source(
        key="deane",
        type="book",
        title="Reading in the Dark",
        authors=[{"given": "Seamus", "family": "Deane"}],
        publisher="Jonathan Cape",
        issued_year=1996,
    )
    make_source(
        key="times",
        type="article-newspaper",
        title="In Texas, Ad Heats Up Race",
        container_title="New York Times",
        authors=[],
        issued_year=2002,
        issued_month=7,
        issued_day=30,
    )
    return make_post(body=BODY)


def works_cited(client, post):
    page = client.get(post.get_absolute_url()).content.decode()
    section = re.search(r'<section class="works-cited".*?</section>', page, re.S)
    return section and re.findall(r"<li>(.*?)</li>", section.group())


def test_the_list_is_off_by_default(client, post):
    """Unless the site or the post asks for it, a post ends with its notes alone."""
    assert works_cited(client, post) is None


@override_settings(BLOG_WORKS_CITED=True)
def test_the_list_gives_each_source_once_in_the_manuals_order_after_the_notes(client, post):
    """With BLOG_WORKS_CITED on, each source cited or quoted is listed once, as a bibliography
    entry, alphabetized as the Manual's bibliography is (an unsigned article under its periodical),
    after the notes."""
    assert works_cited(client, post) == [
        "Deane, Seamus. <i>Reading in the Dark</i>. Jonathan Cape, 1996.",
        "<i>New York Times</i>. “In Texas, Ad Heats Up Race.” July 30, 2002.",
        "Zola, Émile. <i>Germinal</i>. Charpentier, 1885.",
    ]
    page = client.get(post.get_absolute_url()).content.decode()
    assert page.index('class="footnotes') < page.index("Works cited</h2>") < page.index("Cite this post")


@pytest.mark.parametrize(
    ("site", "post_choice", "shown"),
    [(True, False, False), (False, True, True), (True, None, True), (False, None, False)],
)
def test_a_post_can_show_or_hide_the_list_whatever_the_site_does(client, post, site, post_choice, shown):
    """A post's own choice, show or hide, overrides the site's default; left unset, the default holds."""
    post.works_cited = post_choice
    post.save(update_fields=["works_cited"])
    with override_settings(BLOG_WORKS_CITED=site):
        assert (works_cited(client, post) is not None) == shown


@override_settings(BLOG_WORKS_CITED=True)
def test_a_post_citing_nothing_has_no_empty_list(client, db):
    """A post that cites and quotes no source has no "Works cited" heading over nothing."""
    assert works_cited(client, make_post(body="Nothing cited here.")) is None
