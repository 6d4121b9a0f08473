"""Authors write posts in the admin: list figures, form errors that keep the text, outline, sources."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from blog.live_preview import markdownify
from blog.models import Post, Revision
from blog.rendering import Rendering, render_post
from tests.factories import make_post, make_rendering, make_source, make_user

ADD_URL = reverse("admin:blog_post_add")


def post_form(**fields):
    """The add/change form's fields, as a browser would send them."""
    data = {
        "title": "A new post",
        "slug": "a-new-post",
        "summary": "",
        "body": "Some words.",
        "status": "draft",
        "publish_at_0": "2026-01-02",
        "publish_at_1": "09:00:00",
        "comments_enabled": "on",
    }
    data.update(fields)
    return data


@pytest.mark.django_db
class TestPostForm:
    def test_adding_a_post_stores_it_with_a_revision_by_the_author(self, admin_client, admin_user):
        """A post added in the admin is saved, rendered, and its first revision names who saved it."""
        response = admin_client.post(ADD_URL, post_form(author=admin_user.pk))
        assert response.status_code == 302
        post = Post.objects.get(slug="a-new-post")
        assert post.body_html
        revision = Revision.objects.get(post=post)
        assert (revision.body, revision.saved_by) == ("Some words.", admin_user)

    def test_reusing_a_slug_is_a_form_error(self, admin_client, admin_user):
        """A slug another post already has is refused on the form, not by the database."""
        make_post(slug="taken")
        response = admin_client.post(ADD_URL, post_form(slug="taken", author=admin_user.pk))
        assert response.status_code == 200
        assert "Another post already uses this slug" in response.content.decode()
        assert Post.objects.filter(slug="taken").count() == 1

    def test_a_dialect_error_is_a_body_error_that_keeps_the_text(self, admin_client, admin_user, pipeline):
        """Problems the pipeline reports are listed on the body field, and the author's text is re-shown."""
        pipeline(lambda text, sources: Rendering(html="", errors=["Unknown source key: @nosuch"]))
        body = "My long careful draft citing [@nosuch] <and> more."
        response = admin_client.post(ADD_URL, post_form(body=body, author=admin_user.pk))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["body"] == ["Unknown source key: @nosuch"]
        content = response.content.decode()
        assert "My long careful draft citing [@nosuch] &lt;and&gt; more." in content
        assert not Post.objects.exists()

    @pytest.mark.skipif(
        not render_post("[@nosuch-key-anywhere]", {}).errors,
        reason="the stand-in pipeline on main reports no errors; the real one names unknown keys",
    )
    def test_an_unknown_key_is_named_on_the_form_by_the_real_pipeline(self, admin_client, admin_user):
        """With the real pipeline, citing a key the library lacks names that key on the form."""
        body = "As reported [@nosuch-key-anywhere]."
        response = admin_client.post(ADD_URL, post_form(body=body, author=admin_user.pk))
        assert response.status_code == 200
        assert "nosuch-key-anywhere" in " ".join(response.context["adminform"].form.errors["body"])
        assert body in response.content.decode()

    def test_the_add_form_defaults_the_author_to_the_current_user(self, admin_client, admin_user):
        """A new post's author is whoever is writing it, unless changed."""
        response = admin_client.get(ADD_URL)
        assert response.context["adminform"].form.initial["author"] == admin_user.pk

    def test_the_body_uses_the_markdownx_editor_calling_the_staff_endpoints(self, admin_client):
        """The body field is markdownx's editor, pointed at the preview and upload URLs."""
        content = admin_client.get(ADD_URL).content.decode()
        assert "markdownx-editor" in content
        assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in content
        assert 'data-markdownx-upload-urls-path="/markdownx/upload/"' in content


@pytest.mark.django_db
class TestPostList:
    def test_list_shows_state_date_tags_words_and_quoted_share(self, admin_client):
        """The change list has status (with scheduled), tags, word count and the quoted percentage."""
        post = make_post(title="Quoting post", publish_at=timezone.now() + timezone.timedelta(days=3))
        post.tags.create(name="Mali", slug="mali")
        post.save(rendering=make_rendering())
        content = admin_client.get(reverse("admin:blog_post_changelist")).content.decode()
        for expected in ["Quoting post", "Scheduled", "Mali", ">20<", "25%"]:
            assert expected in content

    def test_state_filter_finds_scheduled_posts(self, admin_client):
        """Filtering by "Scheduled" lists published posts whose date is still to come."""
        make_post(title="Later on", publish_at=timezone.now() + timezone.timedelta(days=3))
        make_post(title="Already out")
        response = admin_client.get(reverse("admin:blog_post_changelist"), {"state": "scheduled"})
        titles = [post.title for post in response.context["cl"].result_list]
        assert titles == ["Later on"]

    def test_search_and_date_hierarchy_work(self, admin_client):
        """Searching the body and drilling into a year both answer."""
        make_post(title="Needle", body="A haystack with a needle.", publish_at=timezone.now())
        url = reverse("admin:blog_post_changelist")
        assert "Needle" in admin_client.get(url, {"q": "haystack"}).content.decode()
        year = timezone.now().year
        assert admin_client.get(url, {"publish_at__year": year}).status_code == 200

    def test_list_queries_do_not_grow_with_posts(self, admin_client, django_assert_max_num_queries):
        """Tags and authors are fetched in bulk for the list."""
        for _ in range(5):
            make_post().tags.create(name=f"tag {Post.objects.count()}", slug=f"tag-{Post.objects.count()}")
        with django_assert_max_num_queries(12):
            admin_client.get(reverse("admin:blog_post_changelist"))


@pytest.mark.django_db
class TestChangePage:
    def test_outline_lists_excerpts_asides_and_footnotes(self, admin_client):
        """The change page shows, read-only, what the last save found in the body."""
        source = make_source(key="wsj")
        post = make_post()
        post.save(rendering=make_rendering(source_key="wsj"))
        content = admin_client.get(reverse("admin:blog_post_change", args=[post.pk])).content.decode()
        assert "Quoted words here" in content
        assert "The author&#x27;s own words." in content
        assert "<i>A Note</i>, p. 4." in content
        assert source.key in content

    def test_view_on_site_goes_to_the_preview_for_drafts(self, admin_client):
        """A draft's "view on site" opens the staff preview; a public post's opens its permalink."""
        draft = make_post(status=Post.Status.DRAFT)
        public = make_post()
        for post, url in [(draft, draft.get_preview_url()), (public, public.get_absolute_url())]:
            response = admin_client.get(reverse("admin:blog_post_change", args=[post.pk]))
            assert response.context["absolute_url"] == url

    def test_the_change_page_links_to_revisions(self, admin_client):
        """Authors find the post's revisions from its change page."""
        post = make_post()
        content = admin_client.get(reverse("admin:blog_post_change", args=[post.pk])).content.decode()
        assert reverse("admin:blog_post_revisions", args=[post.pk]) in content


@pytest.mark.django_db
class TestSourceAdmin:
    def test_source_page_lists_where_it_is_cited(self, admin_client):
        """A source's admin page lists the posts whose footnotes and excerpts use it."""
        source = make_source()
        post = make_post(title="Citing post")
        post.save(rendering=make_rendering(source_key=source.key))
        content = admin_client.get(
            reverse("admin:citations_source_change", args=[source.pk])
        ).content.decode()
        assert "where cited (footnotes)" in content.lower()
        assert "Citing post" in content

    def test_authors_see_where_a_source_is_cited(self, author_client, author):
        """The read-only where-cited rows show members of Authors their own posts citing the source."""
        source = make_source()
        make_post(title="Author-visible post", author=author).save(
            rendering=make_rendering(source_key=source.key)
        )
        url = reverse("admin:citations_source_change", args=[source.pk])
        assert "Author-visible post" in author_client.get(url).content.decode()

    def test_deleting_a_cited_source_names_the_posts_in_the_way(self, admin_client):
        """The delete page explains which post's rows protect the source instead of failing."""
        source = make_source()
        post = make_post(title="Protective post")
        post.save(rendering=make_rendering(source_key=source.key))
        url = reverse("admin:citations_source_delete", args=[source.pk])
        response = admin_client.post(url, {"post": "yes"})
        assert response.status_code == 200
        content = response.content.decode()
        assert "protected" in content
        assert "Protective post" in content
        source.refresh_from_db()


@pytest.mark.django_db
class TestAuthorsGroup:
    def test_authors_have_exactly_the_permissions_writing_needs(self):
        """Authors may add, change and view posts, revisions and sources, add and view tags, and view rows.

        (The comments app adds comment moderation; its tests cover that part.)
        """
        codenames = set(
            Group.objects.get(name="Authors")
            .permissions.filter(content_type__app_label__in=["blog", "citations"])
            .values_list("content_type__app_label", "codename")
        )
        expected = {
            ("blog", f"{action}_{model}")
            for action in ["add", "change", "view"]
            for model in ["post", "revision"]
        }
        expected |= {("blog", "add_tag"), ("blog", "view_tag")}
        expected |= {("blog", f"{action}_authorprofile") for action in ["add", "change", "view"]}
        expected |= {("blog", f"view_{model}") for model in ["excerpt", "aside", "footnote"]}
        expected |= {("citations", f"{action}_source") for action in ["add", "change", "view"]}
        assert codenames == expected

    def test_an_author_can_write_but_not_delete_posts(self, author_client, author):
        """A member of Authors opens the add form and the list, but may not delete a post."""
        post = make_post(author=author)
        assert author_client.get(ADD_URL).status_code == 200
        assert author_client.get(reverse("admin:blog_post_changelist")).status_code == 200
        assert author_client.get(reverse("admin:blog_post_delete", args=[post.pk])).status_code == 403

    def test_a_staff_member_outside_authors_cannot_open_posts(self, client):
        """Being staff is not enough: the admin refuses posts to staff without permissions."""
        client.force_login(make_user(is_staff=True))
        assert client.get(ADD_URL).status_code == 403


@pytest.mark.django_db
class TestLivePreview:
    def test_preview_lists_the_problems_above_the_html(self, pipeline):
        """The editor's preview names each problem (escaped) above the post as it will look."""
        pipeline(lambda text, sources: Rendering(html="<p>Body</p>", errors=["Unknown key <@x>"]))
        html = markdownify("[@x]")
        assert "Unknown key &lt;@x&gt;" in html
        assert html.index("Unknown key") < html.index("<p>Body</p>")

    def test_preview_passes_the_library_sources_to_the_pipeline(self, pipeline):
        """The preview renders with the cited sources, as saving does."""
        source = make_source(key="known")
        seen = {}

        def render(text, sources):
            seen.update(sources)
            return Rendering(html="<p>ok</p>")

        pipeline(render)
        markdownify("See [@known] and [@unknown].")
        assert seen == {"known": source}


@pytest.mark.django_db
class TestExportPostSources:
    def export(self, admin_client, posts, action):
        return admin_client.post(
            reverse("admin:blog_post_changelist"),
            {"action": action, "_selected_action": [post.pk for post in posts]},
        )

    def test_exports_only_the_sources_the_chosen_posts_cite_as_csl_json(self, admin_client):
        """The CSL-JSON download holds the chosen post's sources and no other."""
        make_source(key="cited2020", title="Cited Work")
        make_source(key="ignored2020", title="Ignored Work")
        post = make_post(body="A claim.[@cited2020]")
        response = self.export(admin_client, [post], "export_sources_csl_json")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        assert [item["id"] for item in response.json()] == ["cited2020"]

    def test_exports_as_bibtex_and_reimports_unchanged(self, admin_client):
        """The BibTeX download imports back into the same records."""
        from citations.services import import_file

        make_source(key="quoted2019", title="Quoted Work")
        post = make_post(body="> Words.\n>\n> — [@quoted2019]")
        response = self.export(admin_client, [post], "export_sources_bibtex")
        assert b"@" in response.content and b"quoted2019" in response.content
        report = import_file(response.content, "bibtex")
        assert (report.created, report.updated, report.unchanged) == ([], [], ["quoted2019"])


@pytest.mark.django_db
def test_the_editor_styles_its_live_preview_like_the_public_page(admin_client):
    """The preview is a frame holding the public stylesheets only: the admin's styles cannot leak in."""
    content = admin_client.get(ADD_URL).content.decode()
    frame = re.search(r'<iframe class="post-editor-frame"[^>]* srcdoc="([^"]*)"', content)
    document = html.unescape(frame.group(1))
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', document) == [
        "/static/css/dialect.css",
        "/static/css/site.css",
    ]
    assert '<article class="post">' in document and '<div class="post-body"></div>' in document
