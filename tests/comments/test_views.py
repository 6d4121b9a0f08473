"""Posting, replying, editing and withdrawing comments from the public pages, and every refusal."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from tests.factories import comment_form_data, make_comment, make_post, make_staff, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def post_url(post):
    return reverse("comments:post", kwargs={"post_id": post.pk})


def send(client, post, **fields):
    return client.post(post_url(post), comment_form_data(post, **fields))


def own(client, post):
    """What the post page's script fetches for this browser: its own held comments, edit links, details."""
    response = client.get(reverse("comments:own", kwargs={"post_id": post.pk}))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    return response.json()


def test_posting_redirects_to_the_held_comment_that_only_its_writer_sees(client):
    """After POST → redirect → GET the writer's script gets "awaiting moderation"; no page shows it."""
    post = make_post()
    response = send(client, post, body="My first *thought*.")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/comments/{comment.pk}/#comment-{comment.pk}"
    assert comment.status == Comment.Status.PENDING
    assert comment.status_reason == "first comment from this email address"
    held_page = client.get(response["Location"])
    assert "no-cache" in held_page["Cache-Control"]
    assert "awaiting moderation" in held_page.content.decode()
    assert "<em>thought</em>" in held_page.content.decode()
    assert Client().get(response["Location"])["Location"] == f"{post.get_absolute_url()}#comments"
    assert client.cookies["cp_own"].value == "1"
    (held,) = own(client, post)["held"]
    assert held["id"] == comment.pk
    assert f'id="comment-{comment.pk}"' in held["html"]
    assert "awaiting moderation" in held["html"]
    assert "<em>thought</em>" in held["html"]
    assert own(Client(), post)["held"] == []
    for browser in (client, Client()):
        page = browser.get(post.get_absolute_url()).content.decode()
        assert f'id="comment-{comment.pk}"' not in page
        assert "My first" not in page


def test_a_known_commenter_is_published_at_once_for_everyone(client):
    """An approved comment's name and address (in any case) are approved at once, shown to all."""
    post = make_post()
    make_comment(
        post=post, author_name="Ada King", author_email="known@example.org", status=Comment.Status.APPROVED
    )
    send(client, post, name=" ada king ", email="Known@Example.org", body="Again, me.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.APPROVED
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "Again, me." in page
    assert "2 comments" in page
    assert "known@example.org" not in page.lower()


def test_a_known_address_under_another_name_waits_for_a_moderator(client):
    """A regular's address signed with another name is held, saying why, and shown to nobody else."""
    post = make_post()
    make_comment(
        post=post, author_name="Ada King", author_email="ada@example.org", status=Comment.Status.APPROVED
    )
    send(client, post, name="The Site Owner", email="ADA@example.org", body="Trust me.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.PENDING
    assert comment.status_reason == (
        "first comment from this name: the email address has approved comments under another name"
    )
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "Trust me." not in page
    assert "1 comment" in page


def test_a_known_name_with_a_new_address_waits_for_a_moderator(client):
    """A regular's name from an address with no approved comment is a first comment, held."""
    post = make_post()
    make_comment(
        post=post, author_name="Ada King", author_email="ada@example.org", status=Comment.Status.APPROVED
    )
    send(client, post, name="Ada King", email="ada@elsewhere.example", body="It is me, honest.")
    comment = Comment.objects.latest("pk")
    assert (comment.status, comment.status_reason) == (
        Comment.Status.PENDING,
        "first comment from this email address",
    )
    assert "It is me, honest." not in Client().get(post.get_absolute_url()).content.decode()


def test_commenter_details_are_remembered_only_when_asked(client):
    """ "Remember me" keeps name, email and website in a signed cookie; unticked, they are forgotten."""
    post = make_post()
    send(client, post, name="Ada", email="ada@example.org", website="https://ada.example", remember="on")
    assert "cp_commenter" in client.cookies
    identity = {"name": "Ada", "email": "ada@example.org", "website": "https://ada.example"}
    assert own(client, post)["identity"] == identity
    assert 'value="Ada"' not in client.get(post.get_absolute_url()).content.decode()
    send(client, post, name="Ada", email="ada@example.org", body="Second thought.")
    assert client.cookies["cp_commenter"].value == ""
    assert own(client, post)["identity"] == {}


def test_forged_identity_cookie_is_ignored(client):
    """A cookie not signed by the site fills in nothing."""
    post = make_post()
    client.cookies["cp_commenter"] = "Mallory\nm@example.org\n"
    assert own(client, post)["identity"] == {}


def test_reply_link_works_without_javascript(client):
    """?replyto=<id> shows a reply form carrying the parent; sending it stores a threaded reply."""
    post = make_post()
    parent = make_comment(post=post, author_name="Ellen", status=Comment.Status.APPROVED)
    page = client.get(f"{post.get_absolute_url()}?replyto={parent.pk}").content.decode()
    assert f'href="?replyto={parent.pk}#comment-form"' in page
    assert "Reply to <bdi>Ellen</bdi>" in page
    assert f'name="parent" value="{parent.pk}"' in page
    send(client, post, parent=parent.pk, body="A reply.")
    reply = Comment.objects.latest("pk")
    assert (reply.parent, reply.depth) == (parent, 1)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "   "}, "Please write a comment"),
        ({"body": "x" * 10_001}, "at most 10000 characters"),
        ({"body": "nul\x00byte"}, "Null characters are not allowed"),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"website": "http://"}, "Enter a valid URL"),
        ({"website": "javascript:alert(1)"}, "Enter a valid URL"),
        ({"name": ""}, "This field is required"),
    ],
)
def test_bad_input_is_refused_with_the_text_kept(client, fields, message):
    """Each kind of bad input gets a 400 naming the problem, with the commenter's text still in the form."""
    post = make_post()
    data = {"body": "Keep this text please.", **fields}
    response = send(client, post, **data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    if data["body"].strip() and "\x00" not in data["body"] and len(data["body"]) < 10_000:
        assert data["body"] in page
    assert not Comment.objects.exists()


@override_settings(COMMENTS_MAX_LENGTH=50)
def test_body_limit_is_a_setting(client):
    """COMMENTS_MAX_LENGTH sets the longest body accepted."""
    post = make_post()
    assert send(client, post, body="y" * 51).status_code == 400
    assert send(client, post, body="y" * 50).status_code == 302


@override_settings(COMMENTS_MAX_LENGTH=1200, COMMENTS_MAX_PARAGRAPHS=30)
def test_the_form_states_its_limits_before_it_is_sent(client):
    """The post page's comment form says how long a comment may be, and each field carries its maxlength."""
    page = client.get(make_post().get_absolute_url()).content.decode()
    assert "Up to 1,200 characters in 30 paragraphs." in page
    assert 'maxlength="1200"' in page and 'name="name" maxlength="100"' in page.replace("\n", " ")


@pytest.mark.parametrize("case", ["other post", "pending", "spam", "missing"])
def test_replying_to_an_unpublished_or_foreign_comment_is_refused(client, case):
    """A reply must answer a published comment on the same post."""
    post = make_post()
    parent = {
        "other post": lambda: make_comment(status=Comment.Status.APPROVED),
        "pending": lambda: make_comment(post=post),
        "spam": lambda: make_comment(post=post, status=Comment.Status.SPAM),
        "missing": lambda: Comment(pk=999_999),
    }[case]()
    count = Comment.objects.count()
    response = send(client, post, parent=parent.pk, body="My reply text.")
    assert response.status_code == 400
    assert "not published on this post" in response.content.decode()
    assert "My reply text." in response.content.decode()
    assert Comment.objects.count() == count


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Post.Status.DRAFT},
        {"publish_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_posting_to_an_unpublished_post_is_not_found(client, fields):
    """Drafts and scheduled posts take no comments: 404."""
    post = make_post(**fields)
    assert send(client, post).status_code == 404
    assert not Comment.objects.exists()


def test_posting_to_a_post_with_comments_off_is_forbidden_and_the_page_says_so(client):
    """When the author turns comments off, posting is a readable 403 and the post page shows no form."""
    post = make_post(comments_enabled=False)
    response = send(client, post)
    assert response.status_code == 403
    assert "turned comments off" in response.content.decode()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Comments are closed." in page
    assert 'id="comment-form"' not in page


@override_settings(COMMENTS_CLOSE_AFTER_DAYS=30)
def test_comments_close_days_after_publishing(client):
    """COMMENTS_CLOSE_AFTER_DAYS closes old posts and shows when open ones close."""
    old = make_post(publish_at=timezone.now() - timedelta(days=31))
    new = make_post(publish_at=timezone.now() - timedelta(days=1))
    assert send(client, old).status_code == 403
    assert "30 days after" in client.get(old.get_absolute_url()).content.decode()
    assert send(client, new).status_code == 302
    assert "Comments close on" in client.get(new.get_absolute_url()).content.decode()


def test_csrf_failure_is_a_readable_page_that_keeps_the_text():
    """A signed-in user's form refused by the CSRF check comes back in the site's style with the text kept."""
    post = make_post()
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    response = send(client, post, body="Words I do not want to lose.")
    page = response.content.decode()
    assert response.status_code == 403
    assert "The form could not be sent" in page
    assert "Words I do not want to lose." in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert not Comment.objects.exists()


def test_get_on_the_posting_address_goes_to_the_form(client):
    """Opening the posting address leads to the post's form instead of an error."""
    post = make_post()
    response = client.get(post_url(post))
    assert response.status_code == 302
    assert response["Location"].endswith("#comment-form")


def test_a_filled_honeypot_marks_spam(client):
    """A filled honeypot is stored as spam, with the reason."""
    post = make_post()
    send(client, post, homepage="http://bot.example", body="bot one")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.status_reason == "the hidden honeypot field was filled in"


def test_double_submission_is_stored_once(client):
    """Sending the same comment twice (a double click) stores one comment."""
    post = make_post()
    data = comment_form_data(post, body="Only once.")
    client.post(post_url(post), data)
    client.post(post_url(post), data)
    assert Comment.objects.count() == 1


@override_settings(COMMENTS_RATE_LIMIT=5, COMMENTS_RATE_WINDOW_SECONDS=600)
def test_rate_limit_answers_429_with_a_readable_page(client):
    """The sixth comment in ten minutes from one address is refused with a 429 page."""
    post = make_post()
    for number in range(5):
        assert send(client, post, email="busy@example.org", body=f"Comment {number}").status_code == 302
    response = send(client, post, email="busy@example.org", body="One too many")
    assert response.status_code == 429
    assert "Too many comments" in response.content.decode()
    assert Comment.objects.count() == 5
    other_ip = Client(REMOTE_ADDR="198.51.100.7")
    assert send(other_ip, post, email="calm@example.org").status_code == 302


@override_settings(COMMENTS_RATE_LIMIT=2)
def test_rate_limit_counts_per_ip_address(client):
    """Changing the email address does not get round the per-IP limit."""
    post = make_post()
    send(client, post)
    send(client, post)
    assert send(client, post).status_code == 429


@override_settings(COMMENTS_MAX_DEPTH=2)
def test_a_reply_too_deep_joins_the_deepest_level(client):
    """Past the depth limit a reply attaches beside its parent instead of under it."""
    post = make_post()
    top = make_comment(post=post, status=Comment.Status.APPROVED)
    reply = make_comment(parent=top, status=Comment.Status.APPROVED)
    send(client, post, parent=reply.pk, body="Deeper still")
    deeper = Comment.objects.get(body="Deeper still")
    assert (deeper.parent, deeper.depth) == (top, 1)


def test_links_in_comments_are_nofollow_ugc(client):
    """Links in a comment body carry rel="nofollow ugc noopener"."""
    post = make_post()
    make_comment(post=post, status=Comment.Status.APPROVED, body="See [this](https://example.org).")
    page = client.get(post.get_absolute_url()).content.decode()
    assert '<a href="https://example.org" rel="nofollow ugc noopener">this</a>' in page


def test_removed_parent_keeps_its_approved_replies_in_place(client):
    """A removed comment with approved replies shows as a placeholder so the thread survives."""
    post = make_post()
    parent = make_comment(post=post, status=Comment.Status.REMOVED, body="Gone text")
    make_comment(parent=parent, status=Comment.Status.APPROVED, body="Still here")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "This comment is no longer shown." in page
    assert "Still here" in page and "Gone text" not in page
    assert "1 comment" in page


class TestEditAndWithdraw:
    def posted(self, client, **fields):
        post = make_post()
        send(client, post, **fields)
        return Comment.objects.latest("pk")

    def test_writer_can_edit_within_the_window_and_it_is_moderated_again(self, client):
        """The same browser may edit its comment; an approved comment's edit goes through the rules."""
        make_comment(author_name="Me", author_email="me@example.org", status=Comment.Status.APPROVED)
        comment = self.posted(client, name="Me", email="me@example.org", body="Original")
        assert comment.status == Comment.Status.APPROVED
        url = reverse("comments:edit", args=[comment.pk])
        assert own(client, comment.post)["editable"] == [
            {"id": comment.pk, "edit": url, "withdraw": reverse("comments:withdraw", args=[comment.pk])}
        ]
        assert url not in client.get(comment.post.get_absolute_url()).content.decode()
        assert client.get(url).status_code == 200
        response = client.post(url, {"body": "Now with https://a.example.org and https://b.example.org"})
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.body.startswith("Now with")
        assert comment.edited is not None
        assert comment.status == Comment.Status.PENDING
        assert comment.status_reason == "edited by its author: 2 links (holding at 2)"

    def approved_first_comment(self, client, body="Teh first thought."):
        """A first comment with a reply under it, approved by a moderator, as the writer's browser left it."""
        comment = self.posted(client, name="Ada", email="ada@example.org", body=body)
        run_jobs()
        mail.outbox.clear()
        comment.status = Comment.Status.APPROVED
        comment.save()
        make_comment(
            parent=comment, status=Comment.Status.APPROVED, body="A reply that must not be orphaned."
        )
        return comment

    @override_settings(TIME_ZONE="UTC")
    def test_a_clean_edit_of_an_approved_comment_stays_public_and_shows_as_edited(self, client):
        """A typo fixed keeps an approved comment and its replies up, "edited" at its time; no mail."""
        make_staff(groups=["Moderators"], email="mod@example.com")
        comment = self.approved_first_comment(client)
        page = Client().get(comment.post.get_absolute_url()).content.decode()
        assert "Teh first thought." in page and "· edited" not in page
        edited_at = timezone.now()
        response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "The first thought."})
        assert response.status_code == 302
        run_jobs()
        page = Client().get(comment.post.get_absolute_url()).content.decode()
        assert "The first thought." in page and "Teh first" not in page
        assert "A reply that must not be orphaned." in page
        assert "2 comments" in page
        comment.refresh_from_db()
        assert abs(comment.edited - edited_at) < timedelta(seconds=5)
        assert f'· edited <time datetime="{comment.edited.isoformat()}">' in page
        assert (
            comment.status_reason == "edited by its author: the edit adds no link or word that a rule holds"
        )
        assert mail.outbox == []

    @pytest.mark.parametrize(
        ("body", "reason"),
        [
            (
                "See https://a.example.org and https://b.example.org",
                "edited by its author: 2 links (holding at 2)",
            ),
            ("Fixed, and I like bitcoin.", "edited by its author: hold word “bitcoin” in body"),
        ],
    )
    @override_settings(COMMENTS_HOLD_WORDS=["bitcoin"])
    def test_an_edit_that_trips_a_rule_leaves_the_page_and_tells_moderators(self, client, body, reason):
        """Links past the threshold or a hold word added by the edit send the comment back to the queue."""
        make_staff(groups=["Moderators"], email="mod@example.com")
        comment = self.approved_first_comment(client)
        client.post(reverse("comments:edit", args=[comment.pk]), {"body": body})
        run_jobs()
        comment.refresh_from_db()
        assert (comment.status, comment.status_reason) == (Comment.Status.PENDING, reason)
        page = Client().get(comment.post.get_absolute_url()).content.decode()
        assert body not in page and "Teh first" not in page
        assert "This comment is no longer shown." in page
        assert sorted(message.to[0] for message in mail.outbox) == sorted(
            ["mod@example.com", comment.post.author.email]
        )

    @override_settings(COMMENTS_HOLD_WORDS=["bitcoin"])
    def test_what_the_approved_text_already_had_does_not_hold_its_edit(self, client):
        """Links and hold words a moderator approved with the comment stay accepted through a typo fix."""
        comment = self.approved_first_comment(
            client, body="Teh bitcoin: https://a.example.org https://b.example.org"
        )
        client.post(
            reverse("comments:edit", args=[comment.pk]),
            {"body": "The bitcoin: https://a.example.org https://b.example.org"},
        )
        page = Client().get(comment.post.get_absolute_url()).content.decode()
        assert "The bitcoin:" in page
        assert Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED

    @override_settings(COMMENTS_SPAM_WORDS=["viagra"])
    def test_a_spam_word_added_by_an_edit_makes_it_spam(self, client):
        """An approved comment edited into spam is spam, and off the page."""
        comment = self.approved_first_comment(client)
        client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Buy viagra."})
        assert Comment.objects.get(pk=comment.pk).status == Comment.Status.SPAM
        assert "Buy viagra." not in Client().get(comment.post.get_absolute_url()).content.decode()

    def test_an_edit_that_empties_the_body_is_refused(self, client):
        """An empty edit is shown again with an error."""
        comment = self.posted(client)
        response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": ""})
        assert response.status_code == 400
        assert "Please write a comment" in response.content.decode()

    def test_another_browser_cannot_edit_or_withdraw(self, client):
        """Without the signed cookie the edit and withdraw pages are a readable 403."""
        comment = self.posted(client)
        stranger = Client()
        for name in ["comments:edit", "comments:withdraw"]:
            response = stranger.post(reverse(name, args=[comment.pk]), {"body": "hijacked"})
            assert response.status_code == 403
            assert "can no longer be changed" in response.content.decode()
        comment.refresh_from_db()
        assert comment.body != "hijacked" and comment.status == Comment.Status.PENDING

    def test_forged_ownership_cookie_grants_nothing(self, client):
        """A hand-written cookie listing the comment's id is not accepted."""
        comment = self.posted(Client())
        client.cookies["cp_comments"] = str(comment.pk)
        assert client.get(reverse("comments:edit", args=[comment.pk])).status_code == 403

    @override_settings(COMMENTS_EDIT_MINUTES=15)
    def test_the_window_closes(self, client):
        """Sixteen minutes after posting the comment can no longer be edited or withdrawn."""
        comment = self.posted(client)
        Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(minutes=16))
        assert client.get(reverse("comments:edit", args=[comment.pk])).status_code == 403
        assert client.post(reverse("comments:withdraw", args=[comment.pk])).status_code == 403
        assert "Edit</a>" not in client.get(comment.post.get_absolute_url()).content.decode()

    def test_withdrawing_asks_then_removes_without_deleting(self, client):
        """GET asks for confirmation; POST marks the comment removed, and the row stays."""
        comment = self.posted(client, body="Regrettable")
        url = reverse("comments:withdraw", args=[comment.pk])
        assert "Withdraw your comment?" in client.get(url).content.decode()
        assert client.post(url).status_code == 302
        comment.refresh_from_db()
        assert (comment.status, comment.status_reason) == (Comment.Status.REMOVED, "withdrawn by its author")
        assert "Regrettable" not in client.get(comment.post.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Point.\n\n" * 151, "The text has 151 paragraphs; the limit is 150."),
        ("*so* " * 401, "The text has 802 formatting marks"),
    ],
)
def test_a_comment_over_the_formatting_limits_is_refused_with_the_text_kept(client, body, message):
    """Too many paragraphs or formatting marks is a 400 naming the limit, the text still in the form."""
    post = make_post()
    response = send(client, post, body=body)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert body.strip() in page
    assert not Comment.objects.exists()


@override_settings(COMMENTS_MAX_PARAGRAPHS=3, COMMENTS_MAX_FORMATTING=4)
def test_the_formatting_limits_are_settings(client):
    """COMMENTS_MAX_PARAGRAPHS and COMMENTS_MAX_FORMATTING set the most a comment may hold."""
    post = make_post()
    assert send(client, post, body="One.\n\nTwo.\n\nThree.\n\nFour.").status_code == 400
    assert send(client, post, body="*One* and *two* and *three*.").status_code == 400
    assert send(client, post, body="*One*.\n\nTwo.\n\n*Three*.").status_code == 302


def test_a_reply_to_a_removed_comment_comes_back_ready_to_send_on_the_post(client):
    """The form keeps the text, says why, and drops the reply: sending it again posts it on the post."""
    post = make_post()
    parent = make_comment(post=post, status=Comment.Status.APPROVED)
    Comment.objects.filter(pk=parent.pk).update(status=Comment.Status.REMOVED)
    response = send(client, post, parent=parent.pk, body="My considered answer")
    assert response.status_code == 400
    page = response.content.decode()
    assert "not published on this post" in page and "My considered answer" in page
    assert f'name="parent" value="{parent.pk}"' not in page
    form = response.context["form"]
    resent = send(client, post, body=form.data["body"], parent=form.data["parent"])
    assert resent.status_code == 302
    assert Comment.objects.get(body="My considered answer").parent is None
