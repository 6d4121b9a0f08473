"""Writes that span a post and its history: saving with revisions, restoring, tags, autosaves.

``Post.save()`` renders the body and rebuilds the derived rows in one
transaction; the functions here add what a save by a person needs on top:
the text it replaces is kept as a ``Revision``, with who and when.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone

from blog import conf
from blog.models import Autosave, OldSlug, Post, Revision, Tag, render_body
from blog.rendering import Rendering
from blog.tagging import tag_slug

TEXT_FIELDS = ("title", "summary", "body")
STORED_FIELDS = (*TEXT_FIELDS, "slug", "updated")


def _text(values) -> tuple[str, str, str]:
    if isinstance(values, dict):
        return tuple(values[name] for name in TEXT_FIELDS)
    return tuple(getattr(values, name) for name in TEXT_FIELDS)


def _record(post, text, *, user, note="", created=None) -> Revision:
    title, summary, body = text
    return Revision.objects.create(
        post=post,
        title=title,
        summary=summary,
        body=body,
        saved_by=user,
        note=note,
        created=created or timezone.now(),
    )


def record_old_slug(post: Post, old_slug: str) -> None:
    """Keep ``old_slug`` so its address redirects to ``post``; the new slug is nobody's old one any more."""
    OldSlug.objects.filter(slug=post.slug).delete()
    OldSlug.objects.update_or_create(slug=old_slug, defaults={"post": post, "created": timezone.now()})


@transaction.atomic
def post_save_with_body(
    *, post: Post, user=None, rendering: Rendering | None = None, note: str = "", always_record: bool = False
) -> Revision | None:
    """Save ``post`` (HTML and derived rows) and keep its new text as a revision by ``user``.

    If the stored text was written without a revision (by an import, the demo
    or the shell), it is first kept as a revision of its own, so no edit ever
    loses text. Returns the new revision, or ``None`` when title, summary and
    body are unchanged (unless ``always_record``).
    """
    stored = None
    if post.pk:
        stored = Post.objects.select_for_update().filter(pk=post.pk).values(*STORED_FIELDS).first()
    changed = stored is None or _text(stored) != _text(post)
    if stored is not None and changed:
        latest = Revision.objects.filter(post=post).first()
        if latest is None or _text(latest) != _text(stored):
            _record(
                post,
                _text(stored),
                user=None,
                note="The text as it was before revisions were kept.",
                created=stored["updated"],
            )
    post.save(rendering=rendering)
    if stored is not None and stored["slug"] != post.slug:
        record_old_slug(post, stored["slug"])
    if changed or always_record:
        return _record(post, _text(post), user=user, note=note)
    return None


@transaction.atomic
def post_restore_revision(*, revision: Revision, user) -> Revision:
    """Put ``revision``'s title, summary and body back on its post; the restore is a revision too.

    Raises ``ValidationError`` (naming the problems) when the old text no
    longer renders cleanly, for instance because it cites a source since removed, or
    when the post is published and the old text has an image without alt text.
    """
    post = Post.objects.select_for_update().get(pk=revision.post_id)
    post.title, post.summary, post.body = _text(revision)
    rendering = render_body(post.body)
    published = post.status == Post.Status.PUBLISHED
    if problems := rendering.errors + (rendering.publish_errors if published else []):
        raise ValidationError(problems)
    when = formats.date_format(timezone.localtime(revision.created), "DATETIME_FORMAT")
    return post_save_with_body(
        post=post,
        user=user,
        rendering=rendering,
        note=f"Restored the revision saved {when}.",
        always_record=True,
    )


def existing_tags(names: list[str]) -> dict[str, Tag]:
    """The tags among ``names`` that exist already (by slug or name), by the slug of the name (one query)."""
    if not names:
        return {}
    slugs = {tag_slug(name) for name in names}
    found = {}
    for tag in Tag.objects.filter(Q(slug__in=slugs) | Q(name__in=names)).order_by("pk"):
        for slug in (tag_slug(tag.name), tag.slug):
            if slug in slugs:
                found.setdefault(slug, tag)
    return found


@transaction.atomic
def post_set_tags(*, post: Post, names: list[str]) -> list[Tag]:
    """File ``post`` under the tags ``names`` (from ``blog.tagging.parse_tag_names``), creating the new ones.

    A name whose slug a tag already has is that tag, however it is capitalised.
    """
    found = existing_tags(names)
    tags = []
    for name in names:
        slug = tag_slug(name)
        if slug not in found:
            found[slug], _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(found[slug])
    post.tags.set(tags)
    return tags


def autosaves_of(*, post: Post | None, user):
    """The autosaves shown with a post's form: all of the post's, or the user's of posts not yet saved."""
    if post is None:
        return Autosave.objects.filter(post=None, author=user)
    return Autosave.objects.filter(post=post)


def autosaves_adopt(*, post: Post, user, ids: list[int]) -> int:
    """Make ``user``'s autosaves ``ids``, of a post not yet saved, autosaves of ``post`` now it is."""
    return Autosave.objects.filter(post=None, author=user, pk__in=ids).update(post=post)


@transaction.atomic
def post_autosave(*, post: Post | None, user, title: str, summary: str, body: str) -> Autosave | None:
    """Keep the form's text as an autosave of ``post`` (``None``: a post not yet saved) by ``user``.

    Nothing is kept when the text is the post's stored text or the latest
    autosave's; only the newest ``BLOG_AUTOSAVES_KEPT`` of the post (or of the
    user's unsaved posts) stay. The post itself is never written.
    """
    text = (title, summary, body)
    kept = autosaves_of(post=post, user=user)
    latest = kept.first()
    if (latest and _text(latest) == text) or (post is not None and _text(post) == text):
        return None
    autosave = Autosave.objects.create(post=post, author=user, title=title, summary=summary, body=body)
    older = list(kept.values_list("pk", flat=True)[conf.get("AUTOSAVES_KEPT") :])
    if older:
        Autosave.objects.filter(pk__in=older).delete()
    return autosave
