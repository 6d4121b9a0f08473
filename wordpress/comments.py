"""Importing WordPress comments, threads and statuses kept, in a few bulk queries per batch of posts.

Comments are checked in Python first (date, status, parent), so a bad one is
reported and skipped without a write; the rest are queued and written for
many posts at once, level by level (parents before replies), with
``bulk_create`` in one savepoint per batch, which skip the model's signals,
so each batch announces the posts whose comments it changed
(``comments.published.changed``). Threads deeper than the site's
``COMMENTS_MAX_DEPTH`` join their parent's level, as replies made here do.
"""

import ipaddress
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import DatabaseError, transaction

from blog.rendering import render_comment
from comments import conf, published
from comments.models import Comment
from comments.text import clean_line
from importing.fingerprints import fingerprint
from importing.htmltree import LimitError
from wordpress import conf as wordpress_conf
from wordpress.convert import convert_post
from wordpress.items import CONVERTER_VERSION, ItemProblem, limited, parse_date
from wordpress.models import ImportedItem

STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REMOVED,
    "post-trashed": Comment.Status.REMOVED,
}
FIELDS = ["author_name", "author_email", "author_url", "body", "body_html", "status", "status_reason",
          "created", "ip_address", "user_id", "parent_id", "depth"]  # fmt: skip
IMPORTED = "imported from WordPress"
HELD_AS_STAFF = (
    "imported from WordPress; signed with a staff account's name or email, so held for a moderator"
)
validate_url = URLValidator(schemes=["http", "https"])
# Comments are written in batches of about this many, across posts, to keep the queries few.
BATCH_SIZE = 2000


@dataclass
class Entry:
    wp_id: int
    parent_wp_id: int
    digest: str
    values: dict
    attach_to: int | None = None
    depth: int = 0


class CommentImporter:
    """Imports the comments of one post after another, for one ``Importer``."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report
        self.content_type = ContentType.objects.get_for_model(Comment)
        self.pending, self.pending_count = {}, 0

    def import_for(self, post, item) -> None:
        """Check the comments of ``item`` and queue them for ``post``; they are written by ``flush``."""
        entries = {}
        for comment in item.comments:
            kind = comment.fields.get("wp:comment_type") or "comment"
            if kind in ("pingback", "trackback"):
                self.report.not_imported[kind] += 1
                continue
            try:
                entry = self._entry(comment, post.pk)
            except LimitError as error:
                self._skip(comment.wp_id, f"not imported: {error}")
                continue
            except ValueError as problem:
                self._skip(comment.wp_id, str(problem))
                continue
            entries[entry.wp_id] = entry
        for depth, level in enumerate(self._thread(entries)):
            self.pending.setdefault(depth, []).extend(level)
            self.pending_count += len(level)
        if self.pending_count >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Write the queued comments of many posts at once, level by level, in one savepoint."""
        levels = [self.pending[depth] for depth in sorted(self.pending)]
        self.pending, self.pending_count = {}, 0
        try:
            with transaction.atomic():
                local, created, updated = {}, [], []
                for level in levels:
                    new, changed = self._write(level, local)
                    created.extend(new)
                    updated.extend(changed)
                # auto_now_add stamps bulk_create's rows with the present; the WordPress dates go in after.
                Comment.objects.bulk_update(created, ["created"], batch_size=500)
                published.changed({comment.post_id for comment in [*created, *updated]})
        except (DatabaseError, ValidationError) as error:
            for level in levels:
                for entry in level:
                    self._skip(entry.wp_id, f"could not be saved: {error}")

    def _skip(self, wp_id, why: str) -> None:
        self.report.problem("comment", wp_id, why)
        self.report.count("comments", "skipped")

    def _entry(self, comment, post_id: int) -> Entry:
        fields = comment.fields
        try:
            wp_id, parent = int(fields.get("wp:comment_id", "")), int(fields.get("wp:comment_parent") or 0)
        except ValueError:
            raise ValueError("no valid wp:comment_id or wp:comment_parent") from None
        digest = fingerprint(CONVERTER_VERSION, fields)
        mapping = self.importer.mappings.get(("comment", wp_id))
        if mapping is not None and mapping.fingerprint == digest:
            # Unchanged since the last import: nothing to convert or render; only its place in the thread.
            return Entry(wp_id, parent, digest, {})
        status = STATUSES.get(fields.get("wp:comment_approved", ""))
        if status is None:
            raise ValueError(f"status {fields.get('wp:comment_approved')!r} is not known")
        try:
            created = parse_date(fields.get("wp:comment_date_gmt"), fields.get("wp:comment_date"))
        except ItemProblem as problem:
            raise ValueError(str(problem)) from None
        if created is None:
            created = self.importer.started
            self.report.problem(
                "comment", wp_id, "no date in the export; dated at the import, as WordPress does"
            )
        body = convert_post(
            limited(fields.get("wp:comment_content", "")),
            comment=True,
            max_depth=wordpress_conf.get("IMPORT_MAX_HTML_DEPTH"),
        ).markdown.strip()
        if not body:
            raise ValueError("the comment is empty")
        user = self.importer.users.by_wp_id.get(fields.get("wp:comment_user_id", "0"))
        values = {
            "author_name": clean_line(fields.get("wp:comment_author", ""))[:100] or "Anonymous",
            "author_email": self._checked(
                wp_id, "email address", fields.get("wp:comment_author_email", ""), validate_email
            ),  # fmt: skip
            "author_url": self._checked(
                wp_id, "website", fields.get("wp:comment_author_url", ""), validate_url
            ),
            "body": body,
            "body_html": render_comment(body, conf.render_limits()),
            "status": status,
            "status_reason": IMPORTED,
            "created": created,
            "ip_address": self._ip(fields.get("wp:comment_author_IP", "")),
            "user_id": getattr(user, "pk", None),
        }
        values["post_id"] = post_id
        # The export is anyone's file: a comment it signs as a staff member here is not published as theirs.
        claimed = self.importer.staff.claimed(
            name=values["author_name"], email=values["author_email"], user=user
        )
        if claimed and status == Comment.Status.APPROVED:
            values.update(status=Comment.Status.PENDING, status_reason=HELD_AS_STAFF)
        return Entry(wp_id, parent, digest, values)

    def _checked(self, wp_id, label, value, validator) -> str:
        value = value.strip()
        if value in ("", "http://", "https://"):
            return ""
        try:
            validator(value)
            if len(value) > 254:
                raise ValidationError("too long")
        except ValidationError:
            self.report.problem("comment", wp_id, f"{label} {value[:80]!r} is not valid and was left out")
            return ""
        return value

    @staticmethod
    def _ip(value: str):
        try:
            return str(ipaddress.ip_address(value.strip()))
        except ValueError:
            return None

    def _thread(self, entries: dict) -> list[list[Entry]]:
        """Entries by depth, parents first; a reply to a missing comment is skipped, as are its replies.

        Each comment's chain of parents is climbed once, without recursion: a chain of
        20,000 replies is as cheap as 20,000 comments on the post, and a loop is skipped.
        """
        max_depth = conf.get("MAX_DEPTH")
        placed, failed = {}, set()
        for start in entries.values():
            chain, on_chain, entry = [], set(), start
            while entry.wp_id not in placed and entry.wp_id not in failed:
                if entry.wp_id in on_chain or entry.parent_wp_id == 0:
                    break
                chain.append(entry)
                on_chain.add(entry.wp_id)
                parent = entries.get(entry.parent_wp_id)
                if parent is None:
                    break
                entry = parent
            if entry.wp_id not in placed and entry.wp_id not in failed and entry.parent_wp_id == 0:
                entry.attach_to, entry.depth = None, 0
                placed[entry.wp_id] = entry
            # Down the chain from the oldest ancestor: each reply goes under its placed parent.
            for child in reversed(chain):
                parent = entries.get(child.parent_wp_id)
                if parent is None or parent.wp_id not in placed:
                    failed.add(child.wp_id)
                    why = "was skipped" if parent is not None else "is missing"
                    self._skip(child.wp_id, f"parent comment {child.parent_wp_id} {why}")
                elif parent.depth + 1 >= max_depth and parent.attach_to is not None:
                    child.attach_to, child.depth = parent.attach_to, parent.depth
                    placed[child.wp_id] = child
                else:
                    child.attach_to, child.depth = parent.wp_id, parent.depth + 1
                    placed[child.wp_id] = child
        levels = {}
        for entry in placed.values():
            levels.setdefault(entry.depth, []).append(entry)
        return [levels[depth] for depth in sorted(levels)]

    def _write(self, level: list[Entry], local: dict) -> tuple[list[Comment], list[Comment]]:
        """Create, update or leave each comment of one thread level; returns those created and updated.

        ``local`` maps the WordPress IDs of the comments written so far to their pks.
        """
        mappings = self.importer.mappings
        new, changed = [], []
        for entry in level:
            entry.values.update(parent_id=local.get(entry.attach_to), depth=entry.depth)
            mapping = mappings.get(("comment", entry.wp_id))
            if mapping is not None and mapping.fingerprint == entry.digest:
                local[entry.wp_id] = mapping.object_id
                self.report.count("comments", "unchanged")
            else:
                (changed if mapping else new).append(entry)
        existing = Comment.objects.in_bulk([mappings[("comment", e.wp_id)].object_id for e in changed])
        updates = []
        for entry in changed:
            comment = existing.get(mappings[("comment", entry.wp_id)].object_id)
            if comment is None:
                new.append(entry)
                continue
            differs = [name for name in FIELDS if getattr(comment, name) != entry.values[name]]
            for name in differs:
                setattr(comment, name, entry.values[name])
            if differs:
                updates.append(comment)
            self.report.count("comments", "updated" if differs else "unchanged")
            local[entry.wp_id] = comment.pk
        Comment.objects.bulk_update(updates, FIELDS)
        created = Comment.objects.bulk_create(
            [Comment(**entry.values) for entry in new],
            batch_size=500,
        )
        for entry, comment in zip(new, created, strict=True):
            comment.created = entry.values["created"]
            local[entry.wp_id] = comment.pk
        self.report.count("comments", "created", len(new))
        self._map(new, changed, local)
        return created, updates

    def _map(self, new, changed, local) -> None:
        mappings, site = self.importer.mappings, self.importer.site
        fresh, stale = [], []
        for entry in [*new, *changed]:
            mapping = mappings.get(("comment", entry.wp_id))
            if mapping is None:
                fresh.append(ImportedItem(kind="comment", site=site, wp_id=entry.wp_id,
                                          content_type=self.content_type, object_id=local[entry.wp_id],
                                          fingerprint=entry.digest))  # fmt: skip
            else:
                mapping.object_id, mapping.fingerprint = local[entry.wp_id], entry.digest
                stale.append(
                    ImportedItem(pk=mapping.pk, object_id=mapping.object_id, fingerprint=entry.digest)
                )
        ImportedItem.objects.bulk_create(fresh, batch_size=500)
        ImportedItem.objects.bulk_update(stale, ["object_id", "fingerprint"])
