"""A source's page lists the published posts citing it, with the passages they quote."""

import pytest
from django.utils import timezone

from blog.models import Post
from blog.rendering import Rendering
from blog.selectors import citing_posts
from tests.factories import make_post, make_rendering, make_source


def cite(source, **fields):
    post = make_post(**fields)
    post.save(rendering=make_rendering(source_key=source.key))
    return post


@pytest.mark.django_db
class TestCitedIn:
    def test_source_page_lists_citing_posts_with_quoted_passages(self, client):
        """Each published post citing the source is listed with its excerpts from it."""
        source = make_source(key="wsj2013")
        cite(source, title="Gaddafi’s arsenal")
        content = client.get(source.get_absolute_url()).content.decode()
        assert "Cited in" in content
        assert "Gaddafi’s arsenal" in content
        assert "Quoted words here" in content

    def test_drafts_and_scheduled_posts_never_appear(self, client):
        """A draft or scheduled post citing the source is not on its public page."""
        source = make_source()
        cite(source, title="Public post")
        cite(source, title="Draft post", status=Post.Status.DRAFT)
        cite(source, title="Future post", publish_at=timezone.now() + timezone.timedelta(days=1))
        content = client.get(source.get_absolute_url()).content.decode()
        assert "Public post" in content
        assert "Draft post" not in content
        assert "Future post" not in content

    def test_a_post_citing_without_quoting_is_listed_once(self):
        """A post with only a footnote to the source is listed, once, with no passages."""
        source = make_source()
        post = make_post()
        rendering = make_rendering(source_key=source.key)
        post.save(rendering=Rendering(html="<p>x</p>", footnotes=rendering.footnotes))
        other = cite(source)
        posts = list(citing_posts(source))
        assert sorted(p.pk for p in posts) == sorted([post.pk, other.pk])
        assert {p.pk: len(p.source_excerpts) for p in posts} == {post.pk: 0, other.pk: 1}

    def test_page_queries_do_not_grow_with_posts(self, client, django_assert_max_num_queries):
        """Citing posts, authors and excerpts are fetched in a fixed number of queries."""
        source = make_source()
        for _ in range(5):
            cite(source)
        with django_assert_max_num_queries(4):
            client.get(source.get_absolute_url())

    def test_unknown_source_is_a_404(self, client):
        """A key the library lacks is not found."""
        assert client.get("/sources/no-such-key/").status_code == 404

    def test_a_source_nobody_cites_says_so(self, client):
        """An uncited source's page says no published post cites it yet."""
        source = make_source()
        assert (
            "No published post cites this source yet."
            in client.get(source.get_absolute_url()).content.decode()
        )


@pytest.mark.django_db
def test_every_source_of_a_note_citing_several_knows_the_post(client):
    """A note such as [see @a, 3–5; @b] lists the post on both sources' pages."""
    first = make_source(key="first2020", title="The First Work")
    second = make_source(key="second2021", title="The Second Work")
    post = make_post(title="Two at once", body="A claim.[see @first2020, 3–5; @second2021]")
    assert list(post.footnotes.values_list("number", "source__key", "locator")) == [
        (1, "first2020", "3–5"),
        (1, "second2021", ""),
    ]
    for source in [first, second]:
        assert "Two at once" in client.get(source.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("22", "p. 22"),
        ("p. 22", "p. 22"),
        ("pp. 321-328", "pp. 321–28"),
        ("3–5", "pp. 3–5"),
        ("xi", "p. xi"),
        ("chap. 3", "chap. 3"),
        ("at 1:02:15", "at 1:02:15"),
    ],
)
def test_a_locator_is_written_as_the_style_writes_it(written, shown):
    """Page numbers get "p." or "pp." and Chicago's abbreviated ranges; other labels stay as written."""
    from blog.templatetags.blog_tags import locator

    assert locator(written) == shown


@pytest.mark.django_db
def test_the_cited_in_page_shows_each_passage_as_a_post_does_with_its_page(client):
    """A quoted passage is set as an excerpt, its locator "p. 22", never a bare number."""
    source = make_source(key="hinshaw", title="Defenders Outgunned")
    make_post(title="Outgunned", body="> The militants were better armed.\n>\n> — [@hinshaw, 22]\n")
    content = client.get(source.get_absolute_url()).content.decode()
    assert '<figure class="excerpt cited-in-excerpt">' in content
    assert '<figcaption class="cited-in-locator">p. 22</figcaption>' in content
