"""From a page and a passage to a draft quoting it, attributed to a complete source."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.models import Post
from capture.models import Snapshot
from capture.selectors import latest_snapshot_text
from citations.models import Source
from tests.capture import pages
from tests.factories import make_source, make_staff, make_user

pytestmark = pytest.mark.django_db

PASSAGE = "In Diabaly, the militants came at dawn."


@pytest.fixture
def author(db):
    return make_staff(groups=["Authors"])


def capture(client, user, **data):
    client.force_login(user)
    return client.post(reverse("capture:page"), data)


def test_capturing_a_page_adds_its_source_and_opens_a_draft_quoting_the_passage(client, author, web):
    """The source gets the page's authors, title, publication, date, canonical URL and a fresh key;
    the draft's body is the passage as an excerpt attributed to it."""
    web.page("/wsj", pages.JSON_LD)
    response = capture(client, author, url=web.url("/wsj"), quote=PASSAGE)
    source = Source.objects.get()
    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:blog_post_change", args=[post.pk])
    assert source.key == "hinshaw2013"
    assert (source.title, source.container_title, source.type) == (
        "Defenders Outgunned By Islamists In Desert",
        "The Wall Street Journal",
        "article-newspaper",
    )
    assert source.authors == [
        {"family": "Hinshaw", "given": "Drew"},
        {"family": "Coker", "given": "Margaret"},
    ]
    assert (source.issued_year, source.issued_month, source.issued_day) == (2013, 2, 22)
    assert source.url == web.url("/news/defenders-outgunned")
    assert source.added_by == author
    assert (post.status, post.author, post.title) == ("draft", author, source.title)
    assert post.body == f"> {PASSAGE}\n>\n> — [@hinshaw2013]\n"
    assert post.excerpts.get().source == source
    assert 'class="excerpt"' in post.body_html and "Hinshaw" in post.body_html


def test_the_draft_page_says_what_was_done(client, author, web):
    """The author lands on the draft, told which source it quotes."""
    web.page("/wsj", pages.JSON_LD)
    response = capture(client, author, url=web.url("/wsj"), quote=PASSAGE)
    page = client.get(response["Location"])
    assert "Added the source [@hinshaw2013]; the draft quotes it." in page.text


def test_a_page_already_in_the_library_is_found_by_its_canonical_address_or_doi(client, author, web):
    """A second capture of the same work reuses its source: by the canonical URL, or by DOI."""
    web.page("/wsj", pages.JSON_LD)
    web.page("/journal", pages.HIGHWIRE)
    existing = make_source(key="wsj", url=web.url("/news/defenders-outgunned/"))
    by_doi = make_source(key="study", doi="10.1234/JV.2013.042")
    capture(client, author, url=web.url("/wsj"), quote="One.")
    capture(client, author, url=web.url("/journal"), quote="Two.")
    assert list(Post.objects.order_by("pk").values_list("body", flat=True)) == [
        "> One.\n>\n> — [@wsj]\n",
        "> Two.\n>\n> — [@study]\n",
    ]
    assert Source.objects.count() == 2 and existing.snapshots.count() == 1 and by_doi.snapshots.count() == 1


def test_markup_in_the_passage_stays_the_words_it_was(client, author, web):
    """Brackets, at signs, asterisks and a leading list marker are quoted as words, not read as dialect."""
    web.page("/p", pages.NONE)
    passage = "- [sic] *not* emphasis, @nobody cited, <b>tags</b>\n\n2. Second paragraph."
    capture(client, author, url=web.url("/p"), quote=passage)
    post = Post.objects.get()
    assert post.excerpts.get().source.key == "jones2019"
    assert (
        post.excerpts.get().text
        == "- [sic] *not* emphasis, @nobody cited, <b>tags</b>\n\n2. Second paragraph."
    )
    assert "<em>" not in post.body_html and "<li>" not in post.body_html and "&lt;b&gt;" in post.body_html


def test_without_a_passage_the_draft_cites_the_source(client, author, web):
    """A capture without selection opens a draft citing the source, ready for the author's words."""
    web.page("/p", pages.OPEN_GRAPH)
    capture(client, author, url=web.url("/p"))
    assert Post.objects.get().body == "[@links2024]\n"


def test_a_page_that_cannot_be_fetched_still_gives_a_draft_and_says_why(client, author, web):
    """A 404 keeps the address, the title the bookmarklet sent and the passage, and the warning says why."""
    response = capture(client, author, url=web.url("/gone"), quote=PASSAGE, title="Lost Page")
    source, post = Source.objects.get(), Post.objects.get()
    assert (source.title, source.url, source.type, source.key) == (
        "Lost Page",
        web.url("/gone"),
        "webpage",
        "lost",
    )
    assert post.body == f"> {PASSAGE}\n>\n> — [@lost]\n"
    assert Snapshot.objects.count() == 0
    page = client.get(response["Location"])
    assert "The page could not be read" in page.text and "answered 404" in page.text


def test_the_captured_page_is_kept_as_a_snapshot(client, author, web):
    """The fetch that read the metadata also keeps the page's readable text and HTML, dated."""
    web.page("/wsj", pages.JSON_LD)
    capture(client, author, url=web.url("/wsj"), quote=PASSAGE)
    snapshot = Snapshot.objects.get()
    assert latest_snapshot_text(snapshot.source) == PASSAGE
    assert "<main>" in snapshot.html and snapshot.fetched is not None


def test_the_bookmarklet_fills_the_form_by_get_and_saves_nothing(client, author, web):
    """The query's url, title and quote prefill the form; only the author's POST makes the draft."""
    client.force_login(author)
    response = client.get(
        reverse("capture:page"), {"url": "https://x.example/a", "quote": "Words", "title": "T"}
    )
    assert response.status_code == 200
    assert 'value="https://x.example/a"' in response.text and "Words</textarea>" in response.text
    assert "javascript:(function(){" in response.text and "window.getSelection()" in response.text
    assert Post.objects.count() == 0 and Source.objects.count() == 0


def test_a_bad_address_is_a_400_that_keeps_the_passage(client, author):
    """An address that is not one is a form error; the passage typed stays in the form."""
    response = capture(client, author, url="not an address", quote="Kept words")
    assert response.status_code == 400
    assert "Enter a valid URL." in response.text and "Kept words" in response.text


def test_only_those_who_may_write_posts_and_add_sources_may_capture(client):
    """A moderator is refused; an anonymous visitor is sent to log in."""
    assert client.get(reverse("capture:page")).status_code == 302
    client.force_login(make_staff(groups=["Moderators"]))
    assert client.get(reverse("capture:page")).status_code == 403


def test_the_command_prints_the_drafts_admin_address(web, settings):
    """``manage.py capture URL --quote TEXT`` makes the draft and prints where to edit it."""
    settings.SITE_URL = "https://blog.example"
    make_user(username="root", is_superuser=True, is_staff=True)
    web.page("/journal", pages.HIGHWIRE)
    out = io.StringIO()
    call_command("capture", web.url("/journal"), quote="Nearly one quotation in ten.", stdout=out)
    post = Post.objects.get()
    assert out.getvalue().strip() == f"https://blog.example/admin/blog/post/{post.pk}/change/"
    assert post.body == "> Nearly one quotation in ten.\n>\n> — [@hinshaw2013]\n"
    source = Source.objects.get()
    assert (source.doi, source.volume, source.page, source.type) == (
        "10.1234/jv.2013.042",
        "12",
        "189–211",
        "article-journal",
    )


def test_the_command_reports_a_failed_fetch_and_still_prints_the_draft(web):
    """A page that cannot be read is named on stderr; the draft is made anyway."""
    make_user(username="root", is_superuser=True, is_staff=True)
    out, err = io.StringIO(), io.StringIO()
    call_command("capture", web.url("/missing"), stdout=out, stderr=err)
    assert "answered 404" in err.getvalue() and "/admin/blog/post/" in out.getvalue()


def test_fresh_keys_do_not_collide(client, author, web):
    """A second work by the same author in the same year gets the next letter."""
    make_source(key="hinshaw2013")
    web.page("/wsj", pages.JSON_LD)
    capture(client, author, url=web.url("/wsj"), quote=PASSAGE)
    assert Source.objects.filter(key="hinshaw2013a").exists()


def test_metadata_the_library_cannot_take_is_left_out_not_an_error(client, author, web):
    """An impossible day and an empty name are dropped; the rest of the record is kept."""
    web.page(
        "/odd",
        '<meta name="citation_title" content="Odd"><meta name="citation_author" content=", ,">'
        '<meta name="citation_author" content="Ann Writer"><meta name="citation_date" content="2020-02-31">',
    )
    assert capture(client, author, url=web.url("/odd"), quote="Words.").status_code == 302
    source = Source.objects.get()
    assert (source.title, source.authors, source.issued_year, source.issued_day) == (
        "Odd",
        [{"family": "Writer", "given": "Ann"}],
        2020,
        None,
    )


def test_a_draft_attributes_its_excerpt_to_a_key_in_braces_when_it_needs_them():
    """A captured passage of a source keyed ``O'Hara_1999`` is attributed ``— [@{O'Hara_1999}]``, the
    form Pandoc reads whole ("…it must be surrounded by curly braces, which are not considered part of
    the key")."""
    from blog.rendering import render_post
    from capture.services import excerpt_body

    body = excerpt_body("Words quoted.", "O'Hara_1999")
    assert body == "> Words quoted.\n>\n> — [@{O'Hara_1999}]\n"
    assert excerpt_body("", "O'Hara_1999") == "[@{O'Hara_1999}]\n"
    assert [excerpt.source_key for excerpt in render_post(body).excerpts] == ["O'Hara_1999"]
