"""``comments.field_html`` writes exactly what Django's field templates write for the comment forms."""

import pytest

from comments.field_html import field_group, widget
from comments.forms import CommentEditForm, CommentForm
from tests.factories import make_post

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ["name", "email", "website", "body"]
WIDGETS = ["name", "email", "website", "body", "notify", "remember", "parent", "homepage"]


def forms():
    post = make_post()
    awkward = {
        "name": 'Ann "<b>" & Co',
        "email": "not an email",
        "website": "javascript:alert(1)",
        "body": "\nLine one & <two>\n\n",
        "notify": "on",
        "parent": "12",
    }
    bound = CommentForm(awkward, post=post)
    bound.is_valid()
    empty = CommentForm({}, post=post)
    empty.is_valid()
    return [
        CommentForm(post=post),
        CommentForm(post=post, initial={"name": "Bo & Cy", "email": "bo@example.org", "remember": True}),
        bound,
        empty,
    ]


def test_field_groups_match_djangos():
    for form in forms():
        for name in TEXT_FIELDS:
            assert field_group(form[name]) == form[name].as_field_group(), (name, form.data)


def test_widgets_match_djangos():
    for form in forms():
        for name in WIDGETS:
            assert widget(form[name]) == str(form[name]), (name, form.data)


def test_the_edit_form_matches_djangos():
    for form in [CommentEditForm(initial={"body": "Old & <b>"}), CommentEditForm({"body": ""})]:
        form.is_valid()
        assert field_group(form["body"]) == form["body"].as_field_group()
