"""The moderation queue as a workbench: whole comments, per-row decisions, filters, the count, the history."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from comments.models import Comment, CommentEvent
from comments.moderation import Submission, decide
from tests.factories import make_comment, make_post, make_staff

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


def moderate_url(comment):
    return reverse("admin:comments_comment_moderate", args=[comment.pk])


@pytest.fixture
def moderator(client):
    user = make_staff(groups=["Moderators"])
    client.force_login(user)
    return user


def listed(client, **query):
    return list(client.get(CHANGELIST, query).context["cl"].result_list)


def test_each_row_shows_the_whole_comment_and_who_wrote_it_from_where(client, moderator):
    """A row shows the rendered comment, its parent, post, name, email, website, address and reason."""
    parent = make_comment(status="approved", author_name="Pat Parent")
    long_body = "First paragraph with *emphasis*.\n\n" + "word " * 300 + "\n\nThe very last words."
    make_comment(
        parent=parent,
        body=long_body,
        author_name="Wren",
        author_email="wren@example.org",
        author_url="https://wren.example.net/",
        ip_address="203.0.113.9",
        status_reason="2 links (holding at 2)",
    )
    page = client.get(CHANGELIST).content.decode()
    assert "<em>emphasis</em>" in page
    assert "The very last words." in page
    assert "In reply to" in page and "Pat Parent" in page
    assert "mailto:wren@example.org" in page
    assert 'href="https://wren.example.net/" rel="nofollow noopener noreferrer"' in page
    assert "?address=203.0.113.9" in page and "?address=203.0.113.0/24" in page
    assert "2 links (holding at 2)" in page
    assert f"?post={parent.post_id}" in page


def test_a_comment_is_shown_as_sanitized_html(client, moderator):
    """Markup a commenter types is shown as text, never run, in the queue."""
    make_comment(body='<script>alert(1)</script> <img src=x onerror="alert(2)">')
    page = client.get(CHANGELIST).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_the_row_buttons_post_to_a_form_outside_the_bulk_form_with_the_page_to_return_to(client, moderator):
    """Without JavaScript each button submits the page's row form, which carries a CSRF token and the page."""
    comment = make_comment()
    page = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()
    form = re.search(r'<form id="comment-row-action" method="post"[^>]*>(.*?)</form>', page, re.S)
    assert form, "the row-action form is on the page"
    assert "csrfmiddlewaretoken" in form.group(1)
    assert 'name="next" value="/admin/comments/comment/?status__exact=pending"' in form.group(1)
    button = f'form="comment-row-action" formaction="{moderate_url(comment)}" name="status" value="approved"'
    assert button in page
    # Its own status's button is hidden, kept for the script to show once the comment has another.
    assert 'value="pending" data-key="u" class="comment-action-pending" hidden>' in page
    assert page.index('id="changelist-form"') < page.index('id="comment-row-action"')


@pytest.mark.parametrize("status", ["approved", "spam", "removed"])
def test_a_row_button_decides_and_returns_to_the_same_filtered_page(client, moderator, status):
    """Approve, Spam and Trash change the status, record the decision and go back to the page it was on."""
    comment = make_comment()
    back = f"{CHANGELIST}?status__exact=pending&rule=first"
    response = client.post(moderate_url(comment), {"status": status, "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (status, moderator)
    event = CommentEvent.objects.get(comment=comment)
    assert (event.action, event.actor, event.previous_status) == (status, moderator, "pending")
    assert "is now" in client.get(back).content.decode()


def test_a_row_button_never_sends_the_moderator_elsewhere(client, moderator):
    """A ``next`` naming another site or another admin page is replaced by the queue."""
    comment = make_comment()
    for back in ["https://evil.example/", "//evil.example/admin/comments/comment/", "/admin/auth/user/"]:
        response = client.post(moderate_url(comment), {"status": "spam", "next": back})
        assert response["Location"] == CHANGELIST


def test_the_script_gets_the_new_status_as_json(client, moderator):
    """Asked for JSON (by the queue's script), the button's POST answers with the new status and
    the moderator's pending count, for the header."""
    comment = make_comment()
    make_comment()
    response = client.post(moderate_url(comment), {"status": "approved"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert response.json()["pending"] == 1
    assert "Reader" in response.json()["message"]


def test_a_row_button_refuses_a_get_an_unknown_status_and_a_missing_token(moderator):
    """GET is 405, an unknown status 400, a POST without the CSRF token 403; nothing changes."""
    from django.test import Client

    comment = make_comment()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.get(moderate_url(comment)).status_code == 405
    assert client.post(moderate_url(comment), {"status": "approved"}).status_code == 403
    token_client = Client()
    token_client.force_login(moderator)
    assert token_client.post(moderate_url(comment), {"status": "deleted"}).status_code == 400
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_an_author_decides_only_comments_on_their_own_posts_even_by_a_forged_post(client):
    """An author's row button works on their post's comment; a forged POST for another's is 404, unchanged."""
    author = make_staff(groups=["Authors"])
    client.force_login(author)
    mine = make_comment(post=make_post(author=author))
    theirs = make_comment()
    assert client.post(moderate_url(mine), {"status": "approved"}).status_code == 302
    assert client.post(moderate_url(theirs), {"status": "approved"}).status_code == 404
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("approved", "pending")
    assert not CommentEvent.objects.filter(comment=theirs).exists()


def test_the_queue_is_newest_first_with_a_pending_view(client, moderator):
    """The queue lists newest first; the status filter shows only what waits for a decision."""
    old = make_comment(status="approved")
    held = make_comment()
    newest = make_comment(status="spam")
    assert listed(client) == [newest, held, old]
    assert listed(client, status__exact="pending") == [held]


@pytest.mark.parametrize(
    ("rule", "submission"),
    [
        ("links", Submission(body="https://a.example.org https://b.example.org")),
        ("spam-word", Submission(body="cheap viagra")),
        ("honeypot", Submission(body="hi", honeypot="x")),
        ("first", Submission(body="hi")),
        ("known", Submission(body="hi", known_commenter=True)),
    ],
)
def test_the_rule_filter_finds_what_each_rule_held(client, moderator, rule, submission):
    """Each rule in the filter finds the comments whose reason that rule of auto-moderation gave."""
    decision = decide(submission)
    wanted = make_comment(status=decision.status, status_reason=decision.reason)
    make_comment(status="approved", status_reason="approved by someone", moderated_at="2026-01-01T00:00Z")
    assert listed(client, rule=rule) == [wanted]


def test_comments_held_by_the_retired_too_fast_rule_can_still_be_found(client, moderator):
    """Comments held as "sent too fast" before that rule was dropped keep a filter of their own."""
    wanted = make_comment(status="spam", status_reason="sent 0.5 s after the form was served (at least 3 s)")
    make_comment(status="pending", status_reason="first comment from this address")
    assert listed(client, rule="too-fast") == [wanted]


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("203.0.113.9", {"a"}),
        ("203.0.113.0/24", {"a", "b"}),
        ("2001:db8:1:2::7", {"c"}),
        ("2001:db8:1:2::/64", {"c", "d"}),
        ("not an address", set()),
    ],
)
def test_the_address_filter_finds_an_address_or_its_network(client, moderator, address, found):
    """Everything from an address, or from its IPv4 /24 or IPv6 /64; nonsense finds nothing, with no error."""
    comments = {
        "a": make_comment(ip_address="203.0.113.9"),
        "b": make_comment(ip_address="203.0.113.200"),
        "c": make_comment(ip_address="2001:db8:1:2::7"),
        "d": make_comment(ip_address="2001:db8:1:2:aaaa:bbbb:cccc:dddd"),
        "e": make_comment(ip_address="198.51.100.1"),
        "f": make_comment(ip_address="2001:db8:1:3::7"),
    }
    response = client.get(CHANGELIST, {"address": address})
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {comments[key] for key in found}


def test_the_post_filter_is_a_search_not_a_list_of_posts(client, moderator):
    """Posts are found by id (a row's link) or by words of the title typed in a box; none is listed."""
    on_tea = make_comment(post=make_post(title="On the ceremony of tea"))
    make_comment(post=make_post(title="Coffee and its discontents"))
    assert listed(client, post=on_tea.post_id) == [on_tea]
    assert listed(client, post="ceremony") == [on_tea]
    page = client.get(CHANGELIST).content.decode()
    assert "Coffee and its discontents" in page.split('id="changelist-filter"')[0]
    assert "Coffee and its discontents" not in page.split('id="changelist-filter"')[1]
    assert 'name="post"' in page


def test_the_pending_count_is_in_the_admin_header(client, moderator):
    """Every admin page says how many comments await moderation, linked to the pending view."""
    make_comment()
    make_comment()
    make_comment(status="approved")
    page = client.get(reverse("admin:index")).content.decode()
    pending_view = re.escape(f"{CHANGELIST}?status__exact=pending")
    link = re.search(rf'href="{pending_view}"[^>]*>Comments awaiting moderation <span[^>]*>(\d+)<', page)
    assert link and link.group(1) == "2"
    held = Comment.objects.filter(status="pending").first()
    client.post(moderate_url(held), {"status": "approved"})
    page = client.get(CHANGELIST).content.decode()
    assert re.search(r"Comments awaiting moderation <span[^>]*>1</span>", page)


def test_an_authors_pending_count_is_of_their_own_posts(client):
    """An author's count is of the comments waiting on their own posts."""
    author = make_staff(groups=["Authors"])
    client.force_login(author)
    make_comment(post=make_post(author=author))
    make_comment()
    make_comment()
    page = client.get(reverse("admin:index")).content.decode()
    assert re.search(r"Comments awaiting moderation <span[^>]*>1</span>", page)


def test_the_change_view_shows_the_thread_around_the_comment(client, moderator):
    """A comment's page shows the comment it answers and its replies, each as readers see it."""
    parent = make_comment(status="approved", body="The *question*")
    comment = make_comment(parent=parent, status="approved", body="An answer")
    make_comment(parent=comment, body="A held reply")
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert "The <em>question</em>" in page
    assert "A held reply" in page and "(pending," in page


def test_staff_edits_and_decisions_are_in_the_history_with_the_old_text(client, moderator):
    """An edit by staff is recorded with who and the previous text; decisions with who and the old status."""
    comment = make_comment(body="Teh original text", author_name="Wren", author_email="wren@example.org")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    data = {
        "status": "approved",
        "body": "The corrected text",
        "author_name": "Wren",
        "author_email": "wren@example.org",
        "author_url": "",
    }
    assert client.post(url, data).status_code == 302
    events = list(CommentEvent.objects.filter(comment=comment).order_by("pk"))
    assert [(event.action, event.actor) for event in events] == [
        ("edited", moderator),
        ("approved", moderator),
    ]
    assert events[0].previous_body == "Teh original text"
    page = client.get(url).content.decode()
    assert "Moderation history" in page
    assert "Teh original text" in page
    assert moderator.username in page


def test_the_queue_loads_its_script_and_stylesheet_from_the_site(client, moderator):
    """The keyboard and in-place script is a static file (the CSP allows no inline script)."""
    make_comment()
    page = client.get(CHANGELIST).content.decode()
    assert 'src="/static/admin/comments/queue.js"' in page
    assert 'href="/static/admin/comments/queue.css"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def build_queue(size):
    """``size`` comments on ten posts, a third of them replies, from a few addresses and networks."""
    posts = [make_post() for _ in range(10)]
    comments = []
    for number in range(size):
        parent = comments[number - 3] if number % 3 == 2 else None
        comments.append(
            make_comment(
                post=parent.post if parent else posts[number % 10],
                parent=parent,
                status=["pending", "approved", "spam"][number % 3],
                ip_address=f"203.0.{number % 7}.{number % 250}",
                status_reason="first comment from this email address",
            )
        )


@pytest.mark.parametrize("size", [20, 200])
@pytest.mark.parametrize(
    "query",
    [{}, {"status__exact": "pending"}, {"rule": "first", "address": "203.0.1.0/24"}, {"post": "1"}],
)
def test_the_queue_costs_the_same_queries_at_any_size(
    client, moderator, django_assert_num_queries, size, query
):
    """The queue's page costs the same queries with 20 or 200 comments, filtered or not."""
    build_queue(size)
    client.get(CHANGELIST, query)  # the pending count is cached for a few seconds, as on a busy queue
    # Sessions, user, permissions (2), the capped count, the rows; the chosen post's title; on
    # PostgreSQL the unfiltered queue reads the table's estimated size first.
    expected = 6 + ("post" in query) + (connection.vendor == "postgresql" and not query)
    with django_assert_num_queries(expected):
        assert client.get(CHANGELIST, query).status_code == 200


def test_the_queue_stops_counting_at_the_cap(client, moderator, monkeypatch):
    """Past the cap the queue says "N or more" worth of pages rather than counting every comment."""
    monkeypatch.setattr("comments.queue.COUNT_CAP", 5)
    build_queue(9)
    response = client.get(CHANGELIST)
    assert response.context["cl"].result_count == 5
    assert len(response.context["cl"].result_list) == 9
    assert "5 or more comments" in response.content.decode()
