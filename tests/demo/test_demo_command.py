"""``manage.py demo`` creates accounts and content once, and changes nothing the second time."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from blog.models import Post
from citations.models import Source
from comments.models import Comment


@pytest.fixture
def run_demo(tmp_path):
    def run(*args):
        out = StringIO()
        call_command("demo", *args, credentials_file=str(tmp_path / "logins"), stdout=out)
        return out.getvalue()

    return run


def snapshot():
    return {
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "sources": sorted(Source.objects.values_list("key", "updated")),
        "posts": sorted(Post.objects.values_list("slug", "updated")),
        "comments": sorted(Comment.objects.values_list("pk", "status")),
    }


@pytest.mark.django_db
def test_demo_creates_accounts_with_printed_random_passwords(run_demo):
    """The admin, author, editor and moderator get passwords that are printed and that work."""
    output = run_demo()
    User = get_user_model()
    for username in ["admin", "author", "editor", "moderator"]:
        line = next(line for line in output.splitlines() if line.strip().startswith(f"{username} / "))
        password = line.split(" / ", 1)[1]
        assert len(password) >= 12
        assert User.objects.get(username=username).check_password(password)
    assert User.objects.get(username="admin").is_superuser


@pytest.mark.django_db
def test_demo_passwords_differ_between_installations(run_demo):
    """Passwords are generated, never a constant."""
    first = run_demo()
    second = run_demo("--reset-passwords")
    assert first != second


@pytest.mark.django_db
def test_demo_creates_the_example_post_its_source_and_comments_in_every_state(run_demo):
    """The example post, its source and comments in every moderation state are there."""
    run_demo()
    post = Post.objects.get(slug="gaddafis-arsenal-malis-war")
    assert post.status == Post.Status.PUBLISHED
    assert Source.objects.get(key="hinshaw2013").container_title == "The Wall Street Journal"
    assert set(post.comments.values_list("status", flat=True)) == set(Comment.Status.values)
    assert Post.objects.published().count() >= 4


@pytest.mark.django_db
def test_running_demo_twice_changes_nothing(run_demo):
    """The second run leaves every row as the first run left it."""
    run_demo()
    before = snapshot()
    output = run_demo()
    assert snapshot() == before
    assert "nothing changed" in output
