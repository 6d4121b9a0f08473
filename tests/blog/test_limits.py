"""The blog's limits: settings with defaults, stated on the post form, a form error that keeps the text."""

import random

import pytest
from django.test import override_settings
from django.urls import reverse

from bench.render import build_post
from blog import conf
from blog import models as blog_models
from blog.models import Post, Revision
from blog.rendering import render_comment, render_post
from blog.rendering.limits import Limits, formatting_marks, over_length, paragraph_count
from tests.environment import settings_under
from tests.factories import make_post

ADD_URL = reverse("admin:blog_post_add")


def post_form(**fields):
    return {
        "title": "A long post",
        "slug": "a-long-post",
        "summary": "",
        "body": "Some words.",
        "status": "draft",
        "publish_at_0": "2026-01-02",
        "publish_at_1": "09:00:00",
        **fields,
    }


def test_the_body_limit_allows_a_one_megabyte_post():
    """The default body limit admits a body of 1 MB."""
    assert over_length("a" * 1_048_576, conf.render_limits()) is None


def test_limits_are_read_from_settings_and_the_environment(monkeypatch):
    """BLOG_<NAME> in the environment sets the Django setting, which the limits read over their default."""
    assert conf.render_limits().max_notes == 5_000
    with override_settings(BLOG_MAX_NOTES=settings_under(monkeypatch, BLOG_MAX_NOTES="7")["BLOG_MAX_NOTES"]):
        assert conf.render_limits().max_notes == 7


@pytest.mark.django_db
class TestPostFormLimits:
    def test_the_body_field_states_the_limits_before_submission(self, admin_client):
        """The add form's help text under the body names every limit."""
        content = admin_client.get(ADD_URL).content.decode()
        assert "At most 1,048,576 characters in 50,000 lines (1,000 without a blank line), " in content
        assert "quotes and lists nested 16 deep, 5,000 notes" in content

    @override_settings(BLOG_MAX_BODY_LENGTH=100)
    def test_a_body_over_the_limit_is_a_form_error_that_keeps_the_text(self, admin_client, admin_user):
        """An over-long body is refused beside the field, naming the limit, with every word re-shown."""
        body = "My careful words." * 10
        response = admin_client.post(ADD_URL, post_form(body=body, author=admin_user.pk))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["body"] == [
            "The text has 170 characters; the limit is 100. Shorten it or split it into several posts."
        ]
        assert body in response.content.decode()
        assert not Post.objects.exists()

    def test_a_stored_body_over_a_lowered_limit_still_renders(self, client):
        """A post saved before a limit was lowered shows its over-deep lines as text, not an error page."""
        post = make_post(body="> " * 30 + "deep *words*")
        with override_settings(BLOG_MAX_NESTING=4):
            post.save()
        assert "<blockquote" not in post.body_html and "deep <em>words</em>" in post.body_html
        assert client.get(post.get_absolute_url()).status_code == 200

    def test_saving_a_large_hostile_body_renders_it_once(self, admin_client, admin_user, monkeypatch):
        """A save renders the body once, for the form, and stores that rendering with its revision."""
        calls = []
        real = blog_models.render_post
        monkeypatch.setattr(
            blog_models, "render_post", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs)
        )
        body = "[^a] " * 900 + "\n\n[^a]: the note"
        response = admin_client.post(ADD_URL, post_form(body=body, author=admin_user.pk))
        assert response.status_code == 302
        assert len(calls) == 1
        post = Post.objects.get()
        assert post.footnotes.get().number == 1
        assert Revision.objects.get(post=post).body == body


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("One line.", 1),
        ("One\ntwo lines, one paragraph.", 1),
        ("One.\n\nTwo.\n\n\n\nThree.", 3),
        ("One.\r\n\r\nTwo.\r\rThree.", 3),
        ("> Quoted.\n>\n> Quoted again.\n\nMine.", 3),
    ],
)
def test_paragraphs_are_runs_of_lines_that_are_not_blank(text, count):
    """A paragraph is a run of lines with words; a line of spaces or quote markers separates two."""
    assert paragraph_count(text) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Plain words, a comma; a colon: a full stop.", 0),
        ("*a* **b** _c_ `d`", 10),
        ("[a](https://example.org) <b> & \\", 6),
        ('it\'s "quoted" -- so... ', 5),
        ("a line  \nbreak", 1),
    ],
)
def test_formatting_marks_count_what_costs_more_than_prose(text, count):
    """Emphasis, code, brackets, HTML characters, quotes, dashes, ellipses and line breaks are marks."""
    assert formatting_marks(text) == count


def test_a_comment_over_its_formatting_limits_is_shown_as_plain_text():
    """Past its paragraph or mark limit, a comment renders as escaped paragraphs, its markup as typed."""
    limits = Limits(max_paragraphs=2, max_formatting=4)
    assert render_comment("*a* <b>&\n\nc", limits) == "<p>*a* &lt;b&gt;&amp;</p>\n<p>c</p>"
    assert render_comment("a\n\nb\n\nc", limits) == "<p>a</p>\n<p>b</p>\n<p>c</p>"
    assert render_comment("*a*\n\nb", limits) == "<p><em>a</em></p>\n<p>b</p>"


def test_a_body_with_many_unclosed_tags_is_refused_naming_the_limit():
    """“<” and a letter with no “>” after it, past the limit, make the body plain text, with a message."""
    limits = Limits(max_unclosed_tags=3)
    assert over_length("a<b c<d e<f", limits) is None
    assert over_length("a<b c<d e<f g<h <i>", limits) is None
    message = over_length("a<b c<d e<f g<h", limits)
    assert message == (
        "The text has 4 “<” followed by a letter and no “>” after them; the limit is 3. "
        "Put a space after each “<” that is not a tag."
    )


def test_a_body_over_the_paragraph_or_formatting_limit_is_shown_as_escaped_text():
    """Past the paragraph or formatting-mark limit a post is plain, escaped paragraphs, with the message."""
    limits = Limits(max_paragraphs=2, max_formatting=3)
    rendering = render_post("*a* <script>x</script>\n\nb", limits=limits)
    assert rendering.html == "<p>*a* &lt;script&gt;x&lt;/script&gt;</p>\n<p>b</p>"
    assert rendering.errors[0].startswith("The text has 6 formatting marks")
    assert render_post("a\n\nb\n\nc", limits=limits).errors == [
        "The text has 3 paragraphs; the limit is 2. Join some of them, or shorten the text."
    ]


def test_the_default_limits_accept_the_benchmark_one_megabyte_post():
    """bench/render.py's 1 MB post, excerpts and citations throughout, is within every default limit."""
    text, _sources = build_post(random.Random(2013), excerpts=775)
    assert len(text) > 1_000_000
    assert over_length(text, conf.render_limits()) is None


def test_strike_and_script_markers_are_formatting_marks_but_a_footnote_caret_is_not():
    """``~`` and ``^`` cost a render like emphasis; ``[^a]`` counts its two brackets only."""
    assert formatting_marks("H~2~O, mc^2^, ~~x~~ and [^a]") == 2 + 2 + 4 + 2
