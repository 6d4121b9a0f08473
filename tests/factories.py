"""Plain functions that make rows for tests, with sensible defaults."""

from itertools import count
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from blog.models import Post
from citations.models import Source
from comments.models import Comment

_sequence = count(1)


def make_user(**fields):
    number = next(_sequence)
    fields.setdefault("username", f"user{number}")
    fields.setdefault("email", f"user{number}@example.com")
    password = fields.pop("password", "correct horse battery staple")
    user = get_user_model().objects.create(**fields)
    user.set_password(password)
    user.save()
    return user


def make_source(**fields):
    number = next(_sequence)
    fields.setdefault("key", f"source{number}")
    fields.setdefault("title", f"Source number {number}")
    fields.setdefault("authors", [{"given": "Ann", "family": "Writer"}])
    return Source.objects.create(**fields)


def make_post(**fields):
    number = next(_sequence)
    fields.setdefault("title", f"Post number {number}")
    fields.setdefault("slug", f"post-{number}")
    fields.setdefault("body", f"The body of post {number}.")
    fields.setdefault("status", Post.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timezone.timedelta(days=1))
    if "author" not in fields:
        fields["author"] = make_user()
    return Post.objects.create(**fields)


def make_comment(**fields):
    number = next(_sequence)
    if "post" not in fields:
        fields["post"] = fields["parent"].post if fields.get("parent") else make_post()
    if fields.get("parent"):
        fields.setdefault("depth", fields["parent"].depth + 1)
    fields.setdefault("author_name", f"Reader {number}")
    fields.setdefault("author_email", f"reader{number}@example.org")
    fields.setdefault("body", f"Comment number {number}.")
    return Comment.objects.create(**fields)


def make_staff(*, permissions=(), groups=(), **fields):
    """A staff user holding ``permissions`` ("app_label.codename") and belonging to ``groups`` (names)."""
    from django.contrib.auth.models import Permission

    user = make_user(is_staff=True, **fields)
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_rendering(*, source_key=None, html="<p>Rendered.</p>", errors=()):
    """A Rendering such as the pipeline returns: one excerpt with an aside, and one footnote."""
    from blog.rendering import AsideInfo, ExcerptInfo, FootnoteInfo, Rendering

    return Rendering(
        html=html,
        excerpts=[ExcerptInfo(1, source_key, "p. 4", "Quoted words here … and more.", 5, 1)],
        asides=[AsideInfo(1, 1, "Comment", "The author's own words.")],
        footnotes=[FootnoteInfo(1, source_key, "p. 4", "<i>A Note</i>, p. 4.")],
        errors=list(errors),
        word_count=20,
        quoted_word_count=5,
    )


def comment_form_data(post, **fields):
    """What a person's browser sends from a post's comment form."""
    number = next(_sequence)
    data = {
        "name": f"Reader {number}",
        "email": f"reader{number}@example.org",
        "website": "",
        "body": f"A thoughtful comment, number {number}.",
        "homepage": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def make_team():
    """The demo's four roles: an administrator, and members of Authors, Editors and Moderators.

    Names and addresses are the demo's, so tests can try to impersonate them.
    """

    def member(username, first, last, **fields):
        email = f"{username}@example.com"
        return make_staff(username=username, first_name=first, last_name=last, email=email, **fields)

    return SimpleNamespace(
        admin=member("admin", "Site", "Administrator", is_superuser=True),
        author=member("author", "Ada", "Author", groups=["Authors"]),
        editor=member("editor", "Eddie", "Editor", groups=["Editors"]),
        moderator=member("moderator", "Max", "Moderator", groups=["Moderators"]),
    )
