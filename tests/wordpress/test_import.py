"""``manage.py import_wxr``: what a WordPress export becomes, and what it refuses."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from blog.models import Post, Revision, Tag
from citations.models import Source
from comments.models import Comment
from tests.factories import make_post, make_source, make_user
from wordpress.models import ImportedItem


def snapshot():
    return {
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "tags": sorted(Tag.objects.values_list("slug", flat=True)),
        "sources": sorted(Source.objects.values_list("key", "updated")),
        "posts": sorted(Post.objects.values_list("slug", "updated", "body")),
        "revisions": Revision.objects.count(),
        "comments": sorted(Comment.objects.values_list("pk", "status", "body", "created")),
        "items": sorted(ImportedItem.objects.values_list("kind", "wp_id", "object_id", "updated")),
    }


@pytest.mark.django_db
class TestExamplePost:
    @pytest.fixture(autouse=True)
    def imported(self, run_import):
        self.output = run_import("outgunned")
        self.post = Post.objects.get()

    def test_body_has_one_excerpt_with_asides_omissions_and_citation(self):
        """The example post becomes one blockquote with its two asides, four omissions and an attribution."""
        body = self.post.body
        quote_lines = [line for line in body.splitlines() if line.startswith(">")]
        assert len([line for line in body.split("\n\n") if line.startswith("> ")]) == 1
        assert "[Comment: I thought the stated purpose was to protect Libyan civilians.]" in body
        assert "[Comment: A little late.]" in body
        assert body.count("…") == 4
        assert quote_lines[-1] == "> — [@hinshaw2013]"
        assert "*Wall Street Journal*[@hinshaw2013]" in body
        assert "“" not in "\n".join(quote_lines[:1]) and "---------" not in body

    def test_citation_becomes_a_source(self):
        """The note below the rule becomes the source Hinshaw and Coker, WSJ, 2013-02-22."""
        source = Source.objects.get(key="hinshaw2013")
        assert [author["family"] for author in source.authors] == ["Hinshaw", "Coker"]
        assert source.title == "Defenders Outgunned By Islamists In Desert"
        assert source.container_title == "The Wall Street Journal"
        assert (source.issued_year, source.issued_month, source.issued_day) == (2013, 2, 22)
        assert source.type == Source.Type.NEWSPAPER_ARTICLE

    def test_post_fields_author_and_tags(self):
        """Title, slug, GMT date, author (without a usable password) and categories and tags as tags."""
        post = self.post
        assert (post.title, post.slug, post.status) == (
            "Gaddafi’s Arsenal, Mali’s War",
            "gaddafis-arsenal-malis-war",
            Post.Status.PUBLISHED,
        )
        assert post.publish_at == datetime(2013, 2, 23, 15, 4, tzinfo=UTC)
        assert post.author.username == "jdoe" and not post.author.has_usable_password()
        assert sorted(post.tags.values_list("name", flat=True)) == ["Libya", "Mali", "NATO", "small arms"]
        assert not Tag.objects.filter(slug="uncategorized").exists()
        assert post.revisions.count() == 1

    def test_comments_keep_threads_statuses_and_details(self):
        """Comments keep parent, status (1, 0, spam, trash), name, email, URL, IP and GMT date."""
        comments = {comment.author_name: comment for comment in Comment.objects.select_related("parent")}
        assert {name: comment.status for name, comment in comments.items()} == {
            "Ann Reader": "approved",
            "Jane Doe": "approved",
            "Bob Sceptic": "pending",
            "Cheap Watches": "spam",
            "Carol": "removed",
        }
        ann, reply = comments["Ann Reader"], comments["Jane Doe"]
        assert (reply.parent, reply.depth, reply.user) == (ann, 1, self.post.author)
        assert comments["Bob Sceptic"].parent == ann and comments["Bob Sceptic"].ip_address == "2001:db8::1"
        assert (ann.author_email, ann.author_url, ann.ip_address) == (
            "ann@example.org",
            "https://ann.example.org",
            "203.0.113.5",
        )
        assert ann.created == datetime(2013, 2, 23, 17, 0, tzinfo=UTC)
        assert ann.body == "Thanks for posting this.\n\nThe *Journal* piece is worth reading in full."

    def test_report_counts_each_kind(self):
        """The report counts what was created, and the pingback that was not imported."""
        assert "posts: 1 created, 0 updated, 0 unchanged, 0 skipped" in self.output
        assert "comments: 5 created, 0 updated, 0 unchanged, 0 skipped" in self.output
        assert "sources: 1 created" in self.output
        assert "not imported, by type: pingback 1" in self.output

    def test_second_run_changes_nothing(self, run_import):
        """Importing the same file again creates, updates and re-saves nothing."""
        before = snapshot()
        output = run_import("outgunned")
        assert snapshot() == before
        assert "posts: 0 created, 0 updated, 1 unchanged" in output
        assert "comments: 0 created, 0 updated, 5 unchanged" in output

    def test_rerun_updates_a_changed_post_and_comment(self, run_import, export_path, tmp_path):
        """A post or comment changed in WordPress is updated in place, keeping its old text as a revision."""
        text = Path(export_path("outgunned")).read_text(encoding="utf-8")
        changed = tmp_path / "changed.xml"
        changed.write_text(
            text.replace("Not one of the finest", "Not one of the best").replace(
                "Thanks for posting this.", "Thanks!"
            ),
            encoding="utf-8",
        )
        output = run_import(str(changed))
        assert (
            "posts: 0 created, 1 updated" in output
            and "comments: 0 created, 1 updated, 4 unchanged" in output
        )
        self.post.refresh_from_db()
        assert "Not one of the best" in self.post.body and Post.objects.count() == 1
        assert self.post.revisions.count() == 2
        assert Comment.objects.get(author_name="Ann Reader").body.startswith("Thanks!\n\nThe *Journal*")


@pytest.mark.django_db
class TestKitchenSink:
    @pytest.fixture(autouse=True)
    def imported(self, run_import):
        self.output = run_import("site")

    def post(self, title):
        return Post.objects.get(title=title)

    def test_statuses_map_to_published_scheduled_and_draft(self):
        """publish and future are published (future with its date); draft, pending and private are drafts."""
        assert self.post("Scheduled").is_scheduled
        assert self.post("Scheduled").publish_at == datetime(2099, 1, 1, 14, tzinfo=UTC)
        assert {self.post(title).status for title in ("Draft", "Pending", "Private")} == {"draft"}
        assert not Post.objects.filter(
            title__in=["Trashed", "Bad date", "About", "small.jpg", "Home"]
        ).exists()

    def test_zero_gmt_date_falls_back_to_post_date(self):
        """A wp:post_date_gmt of 0000-00-00 00:00:00 falls back to wp:post_date."""
        assert self.post("Café & Society").publish_at == datetime(2014, 1, 1, 9, tzinfo=UTC)

    def test_slugs_are_decoded_and_made_unique(self):
        """A percent-encoded slug is decoded (accents folded); a second post with that slug gets a suffix."""
        assert self.post("Café & Society").slug == "cafe-society"
        assert self.post("Same slug").slug == "cafe-society-2"
        assert self.post("Draft").slug == "draft"

    def test_excerpt_becomes_summary(self):
        """The WordPress excerpt is the post's summary, as plain text."""
        assert self.post("Café & Society").summary == "A short summary."

    def test_skipped_items_and_shortcodes_are_counted(self):
        """Attachments, menu items and trackbacks are counted; so are pages, shortcodes and block comments."""
        assert "not imported, by type: attachment 1, nav_menu_item 1, trackback 1" in self.output
        assert "pages: 1 created, 0 updated, 0 unchanged, 0 skipped" in self.output
        assert "shortcodes: 1 [caption], 1 [embed], 1 [gallery], 1 [pullquote]" in self.output
        assert "block editor comments removed: 9" in self.output

    def test_bad_items_are_reported_with_their_ids_and_skipped(self):
        """An invalid date or a missing parent skips that item alone, with its WordPress ID and why."""
        for line in [
            "  post 19: invalid date '2013-13-45 00:00:00'",
            "  post 18: status 'trash' is not imported",
            "  comment 201: parent comment 999 is missing",
            "  comment 202: parent comment 201 was skipped",
            "  comment 203: invalid date '2014-02-30 10:00:00'",
            "  comment 204: email address 'not-an-email' is not valid and was left out",
        ]:
            assert line in self.output.splitlines()
        assert "posts: 8 created, 0 updated, 0 unchanged, 2 skipped" in self.output
        assert "comments: 2 created, 0 updated, 0 unchanged, 3 skipped" in self.output
        fine = Comment.objects.get(body="Fine reply.")
        assert fine.parent.author_email == "" and fine.status == "pending"

    def test_block_editor_footnotes_and_book_citations(self):
        """WP 6.3 footnotes become [^1] and [@key]; a book note becomes a book source, its page kept."""
        assert "Block text with a plain note[^1] and a cited one[@hinshaw2013]." in self.post("Blocks").body
        assert "[^1]: A plain note, not a citation." in self.post("Blocks").body
        assert "liberty matters[@mill1859, p. 22]" in self.post("Café & Society").body
        assert Source.objects.get(key="mill1859").type == "book"
        assert Source.objects.get(key="roe2014").url == "https://example.com/things"


@pytest.mark.django_db
def test_existing_source_and_imported_author_are_matched_not_duplicated(run_import):
    """A work already in the library, and a non-staff account with the author's login, are reused."""
    make_source(
        key="wsj", title="Defenders outgunned by Islamists in desert!", authors=[{"family": "Hinshaw"}]
    )
    user = make_user(username="jdoe", email="")
    output = run_import("outgunned")
    assert "sources: 0 created, 0 updated, 1 unchanged" in output
    assert "[@wsj]" in Post.objects.get().body
    assert Post.objects.get().author == user


@pytest.mark.django_db
def test_an_account_with_the_same_email_only_is_not_reused(run_import):
    """Matching by email is gone: a new account is made, without the address another account has."""
    other = make_user(username="jane", email="JDOE@example.com")
    output = run_import("outgunned")
    author = Post.objects.get().author
    assert author != other and (author.username, author.email) == ("jdoe", "")
    assert "email address is another account's here" in output


@pytest.mark.django_db
def test_slug_clash_with_an_existing_post(run_import):
    """A post already using the slug keeps it; the imported one gets a suffix."""
    make_post(slug="gaddafis-arsenal-malis-war")
    run_import("outgunned")
    assert Post.objects.filter(slug="gaddafis-arsenal-malis-war-2").exists()


@pytest.mark.django_db
def test_wxr_1_0_is_read(run_import):
    """An export in the 1.0 namespace, without an author list, imports its post, author and comment."""
    output = run_import("wxr-1.0")
    assert "(WXR 1.0)" in output
    post = Post.objects.get()
    assert (post.author.username, post.body) == ("oldtimer", "An old post.\n\nWith two paragraphs.\n")
    assert post.comments.get().body == "First!"


@pytest.mark.django_db
def test_dry_run_writes_nothing(run_import):
    """--dry-run reports what would happen and saves nothing."""
    before = snapshot()
    output = run_import("site", "--dry-run")
    assert "posts: 8 created" in output and output.rstrip().endswith("Dry run: nothing was saved.")
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed", "is not well-formed XML (mismatched tag: line"),
        ("plain-rss", "This is not a WordPress export: no wp:wxr_version before the first item."),
        ("version-9.9", "Unsupported WXR version '9.9': this importer reads 1.0 to 1.2."),
    ],
)
def test_unreadable_export_stops_with_one_line_and_imports_nothing(run_import, name, message):
    """Malformed XML, plain RSS or an unknown version stop the command with one line; nothing is saved."""
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_import(name)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_missing_file_is_a_command_error(run_import):
    """A path that does not exist is reported in one line."""
    with pytest.raises(CommandError, match="Cannot read"):
        run_import("no-such-file")
