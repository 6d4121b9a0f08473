"""Other apps plug into the blog's pages through ``blog.hooks``: sections of a post page, extras in each
summary of a list, and a preparation of each list page's posts."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from blog import hooks
from blog.models import Tag
from blog.views import POSTS_PER_PAGE
from tests.factories import make_post, make_user

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "tests/section.html": '<section class="app">On “{{ post.title }}” at {{ request.path }}</section>',
    "tests/extra.html": '<p class="extra">{{ post.title }}: {{ post.prepared|default:"unprepared" }}</p>',
}


@pytest.fixture
def app_templates():
    """The site's templates, and two that an app would ship."""
    engine = settings.TEMPLATES[0]
    loaders = [
        ("django.template.loaders.locmem.Loader", TEMPLATES),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    options = {**engine["OPTIONS"], "loaders": loaders}
    with override_settings(TEMPLATES=[{**engine, "APP_DIRS": False, "OPTIONS": options}]):
        yield


@pytest.fixture
def hooked(monkeypatch, app_templates):
    """Only the test's own entries at each hook (the comments app's set aside); returns the prepared lists."""
    prepared = []

    def prepare(posts):
        prepared.append([post.title for post in posts])
        for post in posts:
            post.prepared = "prepared"

    monkeypatch.setattr(hooks.post_sections, "entries", ["tests/section.html"])
    monkeypatch.setattr(hooks.summary_extras, "entries", ["tests/extra.html"])
    monkeypatch.setattr(hooks.list_preparers, "entries", [prepare])
    return prepared


def test_a_section_an_app_adds_follows_the_post_with_the_pages_context(client, hooked):
    """A post section is rendered after the body, with the post and the request in its context."""
    post = make_post(title="Hooked", body="The body comes first.")
    page = client.get(post.get_absolute_url()).content.decode()
    section = f'<section class="app">On “Hooked” at {post.get_absolute_url()}</section>'
    assert page.index("The body comes first.") < page.index(section)


def test_with_nothing_added_a_post_page_is_the_post_alone(client, monkeypatch):
    """Without sections (no comments app), the post page ends with the post."""
    monkeypatch.setattr(hooks.post_sections, "entries", [])
    page = client.get(make_post(body="Alone.").get_absolute_url()).content.decode()
    assert 'id="comments"' not in page
    assert "Alone." in page


@pytest.mark.parametrize(
    "address",
    ["/", "/tags/hooked/", "/authors/hooker/", "/search/?q=Hooked", "/{year}/", "/{year}/{month:02d}/"],
)
def test_every_list_page_prepares_its_posts_once_and_shows_the_extras(client, hooked, address):
    """Each list calls the preparers once with its page of posts, and each summary shows the extras."""
    published = timezone.now() - timezone.timedelta(days=1)
    author, tag = make_user(username="hooker"), Tag.objects.create(name="hooked", slug="hooked")
    for number, minutes in [(0, 2), (1, 1)]:
        post = make_post(
            title=f"Hooked {number}", author=author, publish_at=published - timedelta(minutes=minutes)
        )
        post.tags.add(tag)
    page = client.get(address.format(year=published.year, month=published.month)).content.decode()
    assert hooked == [["Hooked 1", "Hooked 0"]]
    assert '<p class="extra">Hooked 1: prepared</p>' in page
    assert '<p class="extra">Hooked 0: prepared</p>' in page


def test_a_list_page_prepares_only_the_posts_it_shows(client, hooked):
    """The preparers get the page's posts, not the whole list."""
    for number in range(POSTS_PER_PAGE + 2):
        make_post(title=f"Listed {number}")
    client.get("/?page=2")
    assert [len(titles) for titles in hooked] == [2]


def test_an_entry_added_twice_is_used_once():
    """Adding the same template or function again changes nothing."""
    hook = hooks.Hook()
    hook.add("a.html")
    hook.add("b.html")
    hook.add("a.html")
    assert list(hook) == ["a.html", "b.html"]


def test_notes_go_just_after_their_excerpt_on_the_post_page(client):
    """An excerpt_notes function's HTML follows the excerpt it names (one quoted inside another counts)."""
    post = make_post(
        body="> Outer words.\n>\n> > Inner words.\n> >\n> > — Someone\n>\n> — Another\n\n"
        "Between.\n\n> Third words.\n>\n> — A third"
    )
    hooks.excerpt_notes.add(
        notes_of := lambda post: {2: '<p class="n">after two</p>', 3: "<p>after three</p>"}
    )
    try:
        page = " ".join(client.get(post.get_absolute_url()).content.decode().split())
    finally:
        hooks.excerpt_notes.entries.remove(notes_of)
    inner = page.index("Inner words")
    assert page.index('</figure><p class="n">after two</p>') > inner
    assert page.index('<p class="n">after two</p>') < page.index("— Another")
    assert page.index("</figure><p>after three</p>") > page.index("Third words")
    assert page.count("after two") == page.count("after three") == 1
