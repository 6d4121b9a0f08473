"""Post pages are the same bytes for every anonymous reader; the comment form works without a token.

Forms from other sites are refused by what the browser says of their origin
(``config.crossorigin``), with the reader's text kept.
"""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import comment_form_data, make_comment, make_post, make_user

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def send(client, post, headers, **fields):
    url = reverse("comments:post", kwargs={"post_id": post.pk})
    return client.post(url, comment_form_data(post, **fields), headers=headers)


@pytest.mark.parametrize("cached", [False, True])
def test_two_anonymous_readers_get_byte_identical_post_pages(cached, settings, page_cache):
    """Readers with different cookies (one a commenter with held comments and details) get the same bytes."""
    settings.PAGECACHE_ENABLED = cached
    post = make_post()
    make_comment(post=post, status=Comment.Status.APPROVED, body="Shared thought.")
    writer = Client()
    assert send(writer, post, {"Sec-Fetch-Site": "same-origin"}, remember="on").status_code == 302
    stranger = Client()
    stranger.cookies["csrftoken"] = "x" * 32
    pages = [browser.get(post.get_absolute_url()) for browser in (writer, stranger, Client())]
    assert len({page.content for page in pages}) == 1
    assert all(not page.cookies for page in pages)
    content = pages[0].content.decode()
    assert "Shared thought." in content
    assert "csrfmiddlewaretoken" not in content
    assert 'name="token"' not in content
    assert 'data-own="/comments/post/' in content
    assert '<script src="/static/js/comments.js" defer></script>' in content


def test_a_comment_posted_from_the_page_with_no_cookie_is_stored():
    """Sec-Fetch-Site: same-origin and no cookie at all: the comment is stored and the writer redirected."""
    post = make_post()
    response = send(Client(enforce_csrf_checks=True), post, {"Sec-Fetch-Site": "same-origin"}, body="Hello.")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Hello."


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://blog.testserver"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
    ],
)
def test_a_cross_site_post_is_a_403_that_keeps_the_text(headers):
    """A form sent from another site is refused in the site's style, the reader's text in a fresh form."""
    post = make_post()
    response = send(Client(), post, headers, name="Ada", body="Words I do not want to lose.")
    page = response.content.decode()
    assert response.status_code == 403
    assert "The form could not be sent" in page
    assert "only accepts forms sent from its own pages" in page
    assert "Words I do not want to lose." in page and 'value="Ada"' in page
    assert "csrfmiddlewaretoken" not in page
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "none"},
        {"Origin": SITE},
        {"Referer": f"{SITE}/2024/01/02/a-post/"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://trusted.example"},
        {"Origin": "https://www.trusted.example"},
    ],
)
def test_the_sites_own_origin_and_trusted_ones_may_post(headers, settings):
    """Same-origin by Sec-Fetch-Site, Origin or (failing both) Referer, or a trusted origin, is accepted."""
    settings.CSRF_TRUSTED_ORIGINS = ["https://trusted.example", "https://*.trusted.example"]
    post = make_post()
    assert send(Client(), post, headers).status_code == 302


def test_referer_is_read_only_without_origin():
    """An Origin from another site is refused even when the Referer names the site."""
    post = make_post()
    headers = {"Origin": "https://evil.example", "Referer": f"{SITE}/"}
    assert send(Client(), post, headers).status_code == 403


def test_edit_withdraw_and_unsubscribe_refuse_other_sites():
    """The other anonymous comment POSTs are refused from another site; the edited text is kept."""
    post = make_post()
    writer = Client()
    send(writer, post, {"Sec-Fetch-Site": "same-origin"}, body="First version.")
    comment = Comment.objects.get()
    cross = {"Sec-Fetch-Site": "cross-site"}
    edit_url = reverse("comments:edit", args=[comment.pk])
    edit = writer.post(edit_url, {"body": "Second version."}, headers=cross)
    assert edit.status_code == 403 and "Second version." in edit.content.decode()
    withdraw = writer.post(reverse("comments:withdraw", args=[comment.pk]), headers=cross)
    assert withdraw.status_code == 403
    unsubscribe = Client().post(reverse("comments:unsubscribe", args=["anything"]), headers=cross)
    assert unsubscribe.status_code == 403
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("First version.", Comment.Status.PENDING)


def test_a_signed_in_users_form_keeps_djangos_csrf_token():
    """Signed in, the form carries a CSRF token, and a same-origin POST without it is refused, text kept."""
    post = make_post()
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    page = client.get(post.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    refused = send(client, post, {"Sec-Fetch-Site": "same-origin"}, body="Staff words.")
    assert refused.status_code == 403 and "Staff words." in refused.content.decode()
    token = client.cookies["csrftoken"].value
    headers = {"Sec-Fetch-Site": "same-origin"}
    assert send(client, post, headers, csrfmiddlewaretoken=token, body="Staff words.").status_code == 302
    assert Comment.objects.get().body == "Staff words."


def test_the_admin_still_needs_the_csrf_token():
    """A staff POST to the admin without the token is refused, even from the site's own page."""
    staff = make_user(is_staff=True, is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(
        reverse("admin:blog_tag_add"), {"name": "x", "slug": "x"}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert response.status_code == 403


@pytest.mark.usefixtures("page_cache")
def test_a_writers_own_pages_are_never_cached_or_shared():
    """The held comment's page, the edit and withdraw pages and the script's answer are never stored."""
    post = make_post()
    writer = Client()
    send(writer, post, {"Sec-Fetch-Site": "same-origin"}, body="Only mine.")
    pk = Comment.objects.get().pk
    urls = [f"/comments/{pk}/", *(reverse(f"comments:{name}", args=[pk]) for name in ("edit", "withdraw"))]
    for url in [*urls, reverse("comments:own", args=[post.pk])]:
        response = writer.get(url)
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert response.get("X-Page-Cache") in (None, "skip")
    for url in urls:
        assert "Only mine." not in Client().get(url).content.decode()
