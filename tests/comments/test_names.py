"""Invisible and direction-changing characters cannot disguise a name or make an empty comment."""

import unicodedata

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from comments.models import Comment
from comments.text import clean_line, has_visible, is_invisible
from tests.factories import comment_form_data, make_comment, make_post, make_staff

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def send(client, post, **fields):
    return client.post(
        reverse("comments:post", kwargs={"post_id": post.pk}), comment_form_data(post, **fields)
    )


def test_every_bidi_control_and_zero_width_character_is_invisible():
    """Bidi embeddings, overrides, isolates and marks, and zero-width characters, are invisible."""
    assert all(is_invisible(char) for char in BIDI_CONTROLS + ZERO_WIDTH)
    assert not any(is_invisible(char) for char in "aé中ا ")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_a_cleaned_line_has_no_format_or_control_characters_and_cleaning_again_changes_nothing(value):
    """Whatever is typed, the cleaned line holds no Cf or Cc character, no edge spaces, and is stable."""
    cleaned = clean_line(value)
    assert not any(unicodedata.category(char) in {"Cf", "Cc"} for char in cleaned)
    assert cleaned == cleaned.strip() and clean_line(cleaned) == cleaned


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(BIDI_CONTROLS + ZERO_WIDTH + " \t\n\u3164\u2800\u034f")))
def test_text_made_of_spaces_and_invisibles_has_nothing_visible(value):
    """Only whitespace and invisible characters: nothing for a reader to see."""
    assert not has_visible(value)
    assert has_visible(value + "a")


@pytest.mark.django_db
def test_a_right_to_left_override_cannot_make_a_name_read_as_another(client):
    """ "Max \u202eRotaredoM" is stored as "Max RotaredoM", and shown isolated in <bdi>."""
    post = make_post()
    make_comment(
        author_name="Max RotaredoM", author_email="known@example.org", status=Comment.Status.APPROVED
    )
    send(client, post, name="Max \u202eRotaredoM\u200b", email="known@example.org\u200b")
    comment = Comment.objects.latest("pk")
    assert (comment.author_name, comment.author_email) == ("Max RotaredoM", "known@example.org")
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "<bdi>Max RotaredoM</bdi>" in page
    assert "\u202e" not in page


@pytest.mark.django_db
@override_settings(COMMENTS_HOLD_WORDS=["moderator"])
def test_zero_width_characters_do_not_slip_a_name_past_the_word_rules(client):
    """ "Mod\u200berator" is "Moderator" to the hold rules."""
    post = make_post()
    make_comment(
        author_name="Max Moderator", author_email="known@example.org", status=Comment.Status.APPROVED
    )
    send(client, post, name="Max Mod\u200berator", email="known@example.org")
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


@pytest.mark.django_db
def test_a_name_of_invisible_characters_only_is_missing(client):
    """A name with nothing visible is refused as empty, with the rest of the form kept."""
    post = make_post()
    response = send(client, post, name="\u200b\u202e\u2066", body="My words.")
    assert response.status_code == 400
    assert "This field is required" in response.content.decode() and "My words." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["\u200b\u200b\u200b", " \u2060\n\u200e\ufeff ", "\u3164\u2800"])
def test_a_comment_with_nothing_visible_is_refused_with_a_message(client, body):
    """A body of only whitespace, zero-width and format characters is a form error; nothing is stored."""
    post = make_post()
    response = send(client, post, body=body)
    assert response.status_code == 400
    assert "nothing a reader could see" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_an_edit_to_nothing_visible_is_refused_and_the_comment_kept(client):
    """Editing a comment into zero-width characters is refused; the comment keeps its text."""
    post = make_post()
    send(client, post, body="Visible words.")
    comment = Comment.objects.get()
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "\u200b\u200d"})
    assert response.status_code == 400
    assert "nothing a reader could see" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Visible words."


@pytest.mark.django_db
def test_right_to_left_writing_in_a_body_is_kept(client):
    """Bodies keep their direction marks: a mixed Arabic and English comment is stored as written."""
    post = make_post()
    body = "He said \u200fمرحبا\u200f to me."
    send(client, post, body=body)
    assert Comment.objects.get().body == body


@pytest.mark.django_db
def test_names_are_isolated_in_reply_forms_and_the_admin_queue(client):
    """The reply form's heading and the moderation queue show names inside <bdi>."""
    post = make_post()
    parent = make_comment(post=post, author_name="Ellen", status=Comment.Status.APPROVED)
    page = client.get(f"{post.get_absolute_url()}?replyto={parent.pk}").content.decode()
    assert "Reply to <bdi>Ellen</bdi>" in page
    assert 'Reply<span class="visually-hidden"> to <bdi>Ellen</bdi></span>' in page
    client.force_login(make_staff(groups=["Moderators"]))
    queue = client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert "<bdi>Ellen</bdi>" in queue
