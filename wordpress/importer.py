"""Importing a WordPress export: ``import_wxr(file)`` streams it into posts, pages, comments, tags, sources.

Items are imported in batches of ``WORDPRESS_IMPORT_BATCH_SIZE``, a
transaction each: an import that stops part way (a file broken or cut short
near its end, a killed process) keeps the batches before, and running it
again resumes, since items imported before are found through
``ImportedItem`` and an item whose export is unchanged (same fingerprint) is
not touched at all; a changed one is updated. A dry run is one transaction,
rolled back. Each post, with its comments, is written in a savepoint of its
own: an item that cannot be imported (a bad date, beyond a limit, not
convertible) is reported by its WordPress ID and skipped, never
half-imported, and the import goes on. Pages become ``Page`` rows (converted
like posts); their comments are reported as skipped, since comments here
belong to posts.
"""

import logging
import re
from contextlib import nullcontext
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify

from blog import derived
from blog.models import Page, Post
from blog.services import post_save_with_body
from importing.directories import Sources, StaffNames, Tags, Users
from importing.fingerprints import fingerprint
from importing.htmltree import LimitError
from importing.report import Report
from wordpress import conf, lenient, wxr
from wordpress.addresses import OldAddresses, old_path
from wordpress.comments import CommentImporter
from wordpress.convert import convert_post, html_to_text
from wordpress.items import CONVERTER_VERSION, ItemProblem, Mapping, limited, parse_date, rss_date
from wordpress.mediafiles import MediaOptions, read_attachments
from wordpress.models import ImportedItem
from wordpress.report import WordPressReport

STATUSES = {
    "publish": Post.Status.PUBLISHED,
    "future": Post.Status.PUBLISHED,
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.DRAFT,
    "private": Post.Status.DRAFT,
}
logger = logging.getLogger(__name__)
POST_QUERY = re.compile(r"[?&]p=(\d+)(?:&|$)")


class ImportStopped(wxr.WXRError):
    """The import stopped part way; the batches before were saved, and ``report`` says what they hold."""

    def __init__(self, message: str, report: Report):
        super().__init__(message)
        self.report = report


class Importer:
    """One import run: the directories, the mappings of earlier runs, and the report."""

    def __init__(self, channel: wxr.Channel, report: Report, *, assign_to=None, imported_by=None, media=None):
        self.site = channel.site
        self.media = media or MediaOptions()
        self.copier = self.media.copier(report, channel.site, dry_run=report.dry_run)
        self.report = report
        self.users = Users(report, assign_to=assign_to, platform="wordpress")
        # WordPress's default category files every post nobody filed: it says nothing about the post.
        self.tags = Tags(report, ignored={"uncategorized"})
        self.sources = Sources(report, added_by=imported_by)
        self.staff = StaffNames()
        self.post_type = ContentType.objects.get_for_model(Post)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.mappings = {
            (kind, wp_id): Mapping(pk, object_id, digest)
            for kind, wp_id, pk, object_id, digest in ImportedItem.objects.filter(site=self.site).values_list(
                "kind", "wp_id", "pk", "object_id", "fingerprint"
            )
        }
        self.slugs = dict(Post.objects.values_list("slug", "pk"))
        self.page_slugs = dict(Page.objects.values_list("slug", "pk"))
        # What an item the export leaves undated is dated at, as WordPress does.
        self.started = timezone.now().replace(microsecond=0)
        self.comments = CommentImporter(self)
        self.addresses = OldAddresses(self.site)

    def author(self, author: wxr.Author):
        user = self.users.get(
            author.login,
            email=author.email,
            first_name=author.first_name,
            last_name=author.last_name,
            wp_id=author.wp_id,
        )
        self.addresses.author(author.wp_id, author.login, user)

    def term(self, term: wxr.Term):
        self.tags.get(term.name, term.slug)
        if term.kind == "category" and term.parent:
            self.report.flattened_categories.append(term.name or term.slug)

    def item(self, item: wxr.Item):
        post_type = item.get("wp:post_type", "post")
        if post_type not in ("post", "page"):
            self.report.not_imported[post_type] += 1
            if post_type == "attachment":
                self._attachment(item)
            return
        wp_id = item.get("wp:post_id")
        try:
            saved = self.post(item) if post_type == "post" else self.page(item)
        except LimitError as error:
            return self._skip(post_type, wp_id, f"not imported: {error}")
        except ItemProblem as problem:
            return self._skip(post_type, wp_id, str(problem))
        except (ValidationError, DatabaseError) as error:
            return self._skip(post_type, wp_id, f"could not be saved: {error}")
        except Exception as error:
            # An item the converter cannot handle is this item's problem, not the other items'.
            logger.exception("WordPress %s %s could not be converted", post_type, wp_id)
            return self._skip(post_type, wp_id, f"could not be converted ({type(error).__name__}: {error})")
        if saved is None:
            return
        if post_type == "post":
            self.comments.import_for(saved, item)
        else:
            self._page_comments(wp_id, item)

    def _page_comments(self, wp_id, item: wxr.Item) -> None:
        # Comments here belong to posts; a page's are counted and named, never dropped silently.
        number = sum(
            (comment.fields.get("wp:comment_type") or "comment") not in ("pingback", "trackback")
            for comment in item.comments
        )
        if number:
            self.report.count("comments", "skipped", number)
            self.report.problem(
                "page",
                wp_id,
                f"{number} comment{'s' if number != 1 else ''} not imported: comments here belong to posts",
            )

    def _attachment(self, item: wxr.Item) -> None:
        # Its page leads to its file when the file was copied, else to the post it belongs to
        # (WordPress exports by ID, so the post came first).
        original = item.get("wp:attachment_url")
        if (
            self.media.copy
            and original
            and (copy := self.copier.url(original, item.get("wp:post_id"))) != original
        ):
            self.addresses.attachment_file(item.get("wp:post_id"), item.get("link"), copy)
        parent_id = item.get("wp:post_parent")
        parent = self.mappings.get(("post", int(parent_id))) if parent_id.isdigit() else None
        if parent is not None:
            self.addresses.attachment(item.get("wp:post_id"), item.get("link"), Post(pk=parent.object_id))

    def _wp_id(self, item: wxr.Item) -> int:
        """The item's WordPress ID; hand-made exports without one give it in the ``?p=`` of guid or link."""
        text = item.get("wp:post_id")
        if text.isdigit():
            return int(text)
        if not text:
            for name in ("guid", "link"):
                if match := POST_QUERY.search(item.get(name)):
                    self.report.problem("post", match.group(1), f"no wp:post_id; identified by its {name}")
                    return int(match.group(1))
        raise ItemProblem("no valid wp:post_id")

    def _skip(self, post_type: str, wp_id, why: str) -> None:
        self.report.problem(post_type, wp_id, why)
        self.report.count(f"{post_type}s", "skipped")

    def _date(self, item: wxr.Item, wp_id: int):
        """The post's date: WordPress's own, else its RSS pubDate, else the import's time (reported)."""
        moment = parse_date(item.get("wp:post_date_gmt"), item.get("wp:post_date"))
        if moment is not None:
            return moment
        moment = rss_date(item.get("pubDate"))
        if moment is not None:
            self.report.problem("post", wp_id, "no wp:post_date; dated by its pubDate")
            return moment
        self.report.problem("post", wp_id, "no date in the export; dated at the import, as WordPress does")
        return self.started

    def post(self, item: wxr.Item) -> Post | None:
        """Create or update the post of ``item``; returns it, or ``None`` for a trashed or auto draft."""
        wp_id = self._wp_id(item)
        wp_status = item.get("wp:status", "publish")
        if wp_status not in STATUSES:
            raise ItemProblem(f"status {wp_status!r} is not imported")
        publish_at = self._date(item, wp_id)
        # An import copying media rewrites image URLs: a post imported without them converts again.
        digest = fingerprint(
            CONVERTER_VERSION,
            item.fields,
            sorted(item.terms),
            item.meta.get("footnotes", ""),
            self.media.copy,
        )
        mapping = self.mappings.get(("post", wp_id))
        post = Post.objects.filter(pk=mapping.object_id).first() if mapping else None
        if post is not None and mapping.fingerprint == digest:
            self.report.count("posts", "unchanged")
            return post
        conversion, title = self._convert(item, wp_id)
        values = {
            "title": title,
            "status": self._status(item, wp_id, wp_status),
            "publish_at": publish_at,
            "author_id": self.users.get(item.get("dc:creator")).pk,
            # WordPress's own excerpt, else the teaser before <!--more-->, as WordPress shows in lists.
            "summary": html_to_text(limited(item.get("excerpt:encoded")), conf.get("IMPORT_MAX_HTML_DEPTH"))
            or conversion.summary,
            "body": conversion.markdown,
            "comments_enabled": item.get("wp:comment_status", "open") != "closed",
        }
        tags = {tag for domain, slug, name in item.terms if domain in ("category", "post_tag")
                if (tag := self.tags.get(name, slug, count=False))}  # fmt: skip
        with transaction.atomic():
            changed = self._save(post, wp_id, item, values, tags)
            self._remember(mapping, "post", wp_id, post or changed, item, digest)
        if post is None:
            self.report.count("posts", "created")
        else:
            self.report.count("posts", "updated" if changed else "unchanged")
        return post or changed

    def page(self, item: wxr.Item) -> Page | None:
        """Create or update the page of ``item``; returns it, or ``None`` when it is unchanged."""
        wp_id = self._wp_id(item)
        wp_status = item.get("wp:status", "publish")
        if wp_status not in STATUSES:
            raise ItemProblem(f"status {wp_status!r} is not imported")
        digest = fingerprint(CONVERTER_VERSION, item.fields, item.meta.get("footnotes", ""), self.media.copy)
        mapping = self.mappings.get(("page", wp_id))
        page = Page.objects.filter(pk=mapping.object_id).first() if mapping else None
        if page is not None and mapping.fingerprint == digest:
            self.report.count("pages", "unchanged")
            return page
        conversion, title = self._convert(item, wp_id, kind="page")
        if (parent := item.get("wp:post_parent")) not in ("", "0"):
            self.report.problem(
                "page", wp_id, f"a sub-page of page {parent} in WordPress; pages here are not nested"
            )
        created = page is None
        page = page or Page()
        page.title, page.body = title, conversion.markdown
        page.status = self._status(item, wp_id, wp_status, kind="page")
        page.slug = self._slug(item, title, wp_id, page.pk, self.page_slugs)
        page.full_clean(exclude=["body"])
        with transaction.atomic():
            page.save()
            self.page_slugs[page.slug] = page.pk
            self._remember(mapping, "page", wp_id, page, item, digest)
        self.report.count("pages", "created" if created else "updated")
        return page

    def _convert(self, item: wxr.Item, wp_id: int, kind: str = "post"):
        """The item's body in the dialect (its problems reported) and its title as text."""
        max_depth = conf.get("IMPORT_MAX_HTML_DEPTH")
        conversion = convert_post(
            limited(item.get("content:encoded")),
            footnotes_meta=limited(item.meta.get("footnotes", "")),
            resolve=self.sources.resolve,
            max_depth=max_depth,
            attachments=self.media.attachments,
            post_id=wp_id,
            media_url=lambda url: self.copier.url(url, wp_id),
        )
        self.report.shortcodes.update(conversion.shortcodes)
        self.report.gutenberg_comments += conversion.gutenberg_comments
        for problem in conversion.problems:
            self.report.problem(kind, wp_id, problem)
        title = html_to_text(limited(item.get("title")), max_depth) or "Untitled"
        if len(title) > 300:
            self.report.problem(kind, wp_id, "title shortened to 300 characters")
        return conversion, title[:300]

    def _status(self, item: wxr.Item, wp_id: int, wp_status: str, kind: str = "post") -> str:
        """Private and password-protected items become drafts: this site has no readers' passwords."""
        if wp_status == "private":
            self.report.problem(kind, wp_id, "private in WordPress; imported as a draft")
        elif item.get("wp:post_password"):
            self.report.problem(kind, wp_id, "password-protected in WordPress; imported as a draft")
            return Post.Status.DRAFT
        return STATUSES[wp_status]

    def _slug(self, item: wxr.Item, title: str, wp_id: int, pk: int | None, slugs: dict | None = None) -> str:
        # ASCII, accents folded: the blog's permalink pattern takes ASCII slugs only. The decoded
        # WordPress slug is kept on the ImportedItem, so its old address still redirects.
        base = slugify(unquote(item.get("wp:post_name")))[:190] or slugify(title)[:190] or f"post-{wp_id}"
        slugs = self.slugs if slugs is None else slugs
        candidate, number = base, 1
        while slugs.get(candidate, pk) != pk:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _save(self, post, wp_id, item, values, tags):
        """Write the post; returns the new post, or for an existing one whether anything changed."""
        pk = post.pk if post else None
        values["slug"] = self._slug(item, values["title"], wp_id, pk)
        note = f"Imported from WordPress (post {wp_id})."
        if post is None:
            post = Post(**values)
            # The slug is free (``_slug`` checked it against every slug) and the author exists: no queries.
            post.full_clean(exclude=["body", "author"], validate_unique=False)
            post_save_with_body(post=post, note=note)
            post.tags.add(*tags)  # a new post has none to compare with
            self.slugs[post.slug] = post.pk
            return post
        # Who wrote a post already here is the site's decision (an editor may have reassigned it).
        values.pop("author_id")
        changed = [name for name, value in values.items() if getattr(post, name) != value]
        if post.slug != values["slug"]:
            self.slugs.pop(post.slug, None)
            self.slugs[values["slug"]] = post.pk
        for name in changed:
            setattr(post, name, values[name])
        if changed:
            post.full_clean(exclude=["body"])
        if {"title", "summary", "body"} & set(changed):
            post_save_with_body(post=post, note=note)
        elif changed:
            post.save(update_fields=changed)
        if set(post.tags.all()) != tags:
            post.tags.set(tags)
            changed.append("tags")
        return bool(changed)

    def _remember(self, mapping, kind, wp_id, target, item, digest):
        link_path, wp_slug = old_path(item.get("link")), unquote(item.get("wp:post_name"))[:200]
        if mapping is None:
            content_type = self.post_type if kind == "post" else self.page_type
            row = ImportedItem.objects.create(
                kind=kind, site=self.site, wp_id=wp_id, content_type=content_type, object_id=target.pk,
                wp_slug=wp_slug, link_path=link_path, fingerprint=digest,
            )  # fmt: skip
            self.mappings[(kind, wp_id)] = Mapping(row.pk, target.pk, digest)
            return
        ImportedItem.objects.filter(pk=mapping.pk).update(
            object_id=target.pk,
            wp_slug=wp_slug,
            link_path=link_path,
            fingerprint=digest,
            updated=timezone.now(),
        )


def import_wxr(
    source, *, dry_run: bool = False, assign_to=None, imported_by=None, media=None, progress=None
) -> Report:
    """Import the export in ``source`` (a path or binary file); returns the report.

    Posts and the export's authors' comments go to ``assign_to`` when given,
    else to accounts the import creates (never to an existing staff account);
    sources it adds are recorded as added by ``imported_by``. ``media`` (``MediaOptions``)
    says whether and from where the images are copied. ``progress``, if given, is
    called with the report after each batch is saved (the admin shows it). Raises
    ``wxr.WXRError`` (and imports nothing) when the file cannot be read as an
    export, and ``ImportStopped`` when it stops being readable after some
    batches were saved.
    """
    report = WordPressReport(dry_run=dry_run)
    repairs = lenient.Repairs()
    media = media or MediaOptions()
    media.attachments = read_attachments(source, max_depth=conf.get("IMPORT_MAX_XML_DEPTH"))
    records = wxr.read(source, max_depth=conf.get("IMPORT_MAX_XML_DEPTH"), repairs=repairs)
    try:
        with transaction.atomic() if dry_run else nullcontext():
            _import_batches(
                records, report, assign_to=assign_to, imported_by=imported_by, media=media, progress=progress
            )
            if dry_run:
                transaction.set_rollback(True)
    except wxr.WXRError as error:
        if dry_run or not report.saved_items:
            raise
        report.repairs = repairs.lines()
        report.back_to_checkpoint()
        raise ImportStopped(
            f"{error} The import stopped after {report.saved_items:,} items, which are saved; "
            "importing the complete file again finishes it without duplicates.",
            report,
        ) from None
    report.repairs = repairs.lines()
    return report


def _import_batches(records, report: Report, *, assign_to, imported_by, media, progress=None) -> None:
    """Import ``records`` a batch of items per transaction (a savepoint each in a dry run)."""
    size, importer, finished = conf.get("IMPORT_BATCH_SIZE"), None, False
    while not finished:
        finished, items = True, 0
        # The batch's posts are rendered together at its end (their HTML, rows and search documents).
        with transaction.atomic(), derived.deferred():
            for record in records:
                if isinstance(record, wxr.Channel):
                    report.site, report.version = record.site, record.version
                    importer = Importer(
                        record, report, assign_to=assign_to, imported_by=imported_by, media=media
                    )
                elif isinstance(record, wxr.Author):
                    importer.author(record)
                elif isinstance(record, wxr.Term):
                    importer.term(record)
                else:
                    importer.item(record)
                    items += 1
                    if items == size:
                        finished = False
                        break
            if importer is not None:
                importer.comments.flush()
        report.saved_items += items
        report.checkpoint()
        if progress is not None:
            progress(report)
