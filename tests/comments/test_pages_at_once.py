"""Every writer of comments shows on the cached post page at once: admin, commands, moderation, erasure.

These commit for real (as a command or an admin request does) with the page
cache on, and read the page an anonymous reader gets.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_comment, make_post, make_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache")]

CHANGELIST = reverse("admin:comments_comment_changelist")


def warm(url):
    """Fetch ``url`` until it is served from the cache; return the cached page's text."""
    Client().get(url)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def read(url):
    return Client().get(url).content.decode()


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_staff(is_superuser=True))
    return client


def test_erasing_a_commenter_by_command_takes_their_name_off_the_page_at_once():
    """``commenter_data EMAIL --erase`` replaces the name on the cached post page as it returns."""
    post = make_post()
    make_comment(post=post, author_name="Ada Named", author_email="Ada@Example.org", status="approved")
    url = post.get_absolute_url()
    assert "Ada Named" in warm(url)
    call_command("commenter_data", "ada@example.org", "--erase", stdout=None)
    page = read(url)
    assert "Ada Named" not in page
    assert "Anonymous" in page


def test_purging_ip_addresses_leaves_the_cached_pages():
    """``purge_comment_ips`` changes nothing a page shows, so no page is retired."""
    post = make_post()
    make_comment(post=post, status="approved", ip_address="192.0.2.7")
    warm(post.get_absolute_url())
    call_command("purge_comment_ips", "--days", "0", stdout=None)
    assert Comment.objects.get().ip_address is None
    assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(("before", "action", "shown"), [("pending", "mark_approved", True),
                                                         ("approved", "mark_spam", False)])  # fmt: skip
def test_a_bulk_action_in_the_admin_shows_on_the_page_at_once(admin_client, before, action, shown):
    """Approving held comments in the moderation queue shows them; marking spam hides them."""
    post = make_post()
    comments = [make_comment(post=post, body=f"Queued words {n}.", status=before) for n in range(2)]
    assert ("Queued words 1." in warm(post.get_absolute_url())) is not shown
    response = admin_client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments]})
    assert response.status_code == 302
    page = read(post.get_absolute_url())
    assert ("Queued words 0." in page) is shown and ("Queued words 1." in page) is shown


def test_an_edit_in_the_admin_shows_on_the_page_at_once(admin_client):
    """A moderator's correction to a comment's text replaces it on the cached page."""
    post = make_post()
    comment = make_comment(post=post, body="Teh typo.", status="approved")
    assert "Teh typo." in warm(post.get_absolute_url())
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    form = {"status": "approved", "body": "The fix.", "author_name": comment.author_name,
            "author_email": comment.author_email, "author_url": ""}  # fmt: skip
    assert admin_client.post(url, form).status_code == 302
    page = read(post.get_absolute_url())
    assert "The fix." in page and "Teh typo." not in page
