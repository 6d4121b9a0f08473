"""Imports commit a batch of items at a time: one that stops keeps what it saved, and a re-run resumes."""

import io

import pytest
from django.core.management import CommandError, call_command

from blog.models import Post
from comments.models import Comment
from importing.report import KINDS
from wordpress import importer, wxr
from wordpress.models import ImportedItem


def export(posts: int = 5) -> bytes:
    """A WXR 1.2 export of ``posts`` published posts, each with one comment."""
    items = "".join(
        f"""<item><title>Post {n}</title><link>https://example.org/post-{n}/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Text of post {n}.</p>]]></content:encoded><wp:post_id>{n}</wp:post_id>
<wp:post_date_gmt>2020-01-0{n} 10:00:00</wp:post_date_gmt><wp:post_name>post-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>{100 + n}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
<wp:comment_date_gmt>2020-01-0{n} 11:00:00</wp:comment_date_gmt>
<wp:comment_content>On post {n}.</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment></item>
"""
        for n in range(1, posts + 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Site</title><link>https://example.org</link><wp:wxr_version>1.2</wp:wxr_version>
{items}</channel></rss>""".encode()


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def state():
    return (
        sorted(Post.objects.values_list("slug", "updated")),
        sorted(Comment.objects.values_list("body", "post__slug")),
        sorted(ImportedItem.objects.values_list("kind", "wp_id", "object_id")),
    )


@pytest.fixture
def batches_of_two(settings):
    settings.WORDPRESS_IMPORT_BATCH_SIZE = 2


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_import_keeps_its_batches_and_a_rerun_finishes_without_duplicates(
    batches_of_two, tmp_path, monkeypatch
):
    """Killed while reading the third item, the import keeps posts 1-2; running it again adds 3-5 only."""
    path = tmp_path / "export.xml"
    path.write_bytes(export())
    read = wxr.read

    readings = []

    def killed_at_the_third_item(*args, **kwargs):
        # The first reading is the pass that finds the attachments; the import's own is the second.
        readings.append(1)
        items = 0
        for record in read(*args, **kwargs):
            if isinstance(record, wxr.Item):
                items += 1
                if items == 3 and len(readings) == 2:
                    raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(importer.wxr, "read", killed_at_the_third_item)
    with pytest.raises(KeyboardInterrupt):
        run(path)
    assert sorted(Post.objects.values_list("slug", flat=True)) == ["post-1", "post-2"]
    assert sorted(Comment.objects.values_list("body", flat=True)) == ["On post 1.", "On post 2."]
    before = state()
    monkeypatch.setattr(importer.wxr, "read", read)
    output = run(path)
    assert "posts: 3 created, 0 updated, 2 unchanged, 0 skipped" in output
    assert "comments: 3 created, 0 updated, 2 unchanged, 0 skipped" in output
    after = state()
    assert Post.objects.count() == 5 and Comment.objects.count() == 5
    assert set(before[0]) <= set(after[0]) and set(before[2]) <= set(after[2])
    assert run(path).count("0 created") == len(KINDS)


@pytest.mark.django_db(transaction=True)
def test_a_truncated_file_keeps_the_batches_before_the_break_and_says_how_to_finish(batches_of_two, tmp_path):
    """A file cut off in its fourth item saves the first batch, reports it, and the complete file finishes."""
    data = export()
    path = tmp_path / "export.xml"
    path.write_bytes(data[: data.index(b"<title>Post 4</title>") + 30])
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_wxr", str(path), stdout=out)
    message = str(error.value)
    assert "may be truncated" in message and "stopped after 2 items, which are saved" in message
    assert "\n" not in message and "Nothing was imported" not in message
    assert "posts: 2 created, 0 updated, 0 unchanged, 0 skipped" in out.getvalue()
    assert Post.objects.count() == 2
    path.write_bytes(data)
    assert "posts: 3 created, 0 updated, 2 unchanged" in run(path)
    assert Post.objects.count() == 5 and Comment.objects.count() == 5


@pytest.mark.django_db
def test_a_file_broken_in_its_first_batch_imports_nothing(tmp_path):
    """When the break comes before any batch is saved, the command says nothing was imported."""
    data = export()
    path = tmp_path / "export.xml"
    path.write_bytes(data[: data.index(b"<title>Post 4</title>")])
    with pytest.raises(CommandError, match="Nothing was imported"):
        run(path)
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_dry_run_in_batches_saves_nothing(batches_of_two, tmp_path):
    """--dry-run with several batches reports all five posts and saves none of them."""
    path = tmp_path / "export.xml"
    path.write_bytes(export())
    output = run(path, "--dry-run")
    assert "posts: 5 created" in output and "Dry run: nothing was saved." in output
    assert not Post.objects.exists() and not Comment.objects.exists() and not ImportedItem.objects.exists()


@pytest.mark.django_db
def test_a_truncated_dry_run_saves_nothing(batches_of_two, tmp_path):
    """A dry run of a file cut off after its first batch still saves nothing, and says so."""
    data = export()
    path = tmp_path / "export.xml"
    path.write_bytes(data[: data.index(b"<title>Post 4</title>")])
    with pytest.raises(CommandError, match="Nothing was imported"):
        run(path, "--dry-run")
    assert not Post.objects.exists()
