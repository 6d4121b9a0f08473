"""Posts, their tags, the rows derived from a post's body on save, revisions, autosaves, standalone pages."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField

from blog import conf
from blog.images import stored_image_size
from blog.rendering import Rendering, keys_to_fetch, render_post
from blog.search import post_search_vector
from citations.models import Source
from citations.styles import get_style


def render_body(text: str) -> Rendering:
    """Render ``text`` with the library's sources (one query for the cited keys) and the sizes of
    images in the site's storage, through the pure pipeline."""
    return render_bodies([text])[0][0]


def render_bodies(texts: list[str]) -> tuple[list[Rendering], dict[str, Source]]:
    """Render each of ``texts``, with one query for every key they cite; also return the sources fetched."""
    keys = set().union(*(keys_to_fetch(text) for text in texts))
    sources = Source.objects.in_bulk(keys, field_name="key") if keys else {}
    limits = conf.render_limits()
    style = get_style()
    renderings = [
        render_post(text, sources, limits, image_size=stored_image_size, style=style) for text in texts
    ]
    return renderings, sources


# Words a minute an adult reads prose on a screen, for a post's reading time.
READING_SPEED = 230


class Tag(models.Model):
    """A topic a post is filed under."""

    name = models.CharField("name", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tags"
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def refresh_search_documents(self):
        """Store each post's search vector again (PostgreSQL only: SQLite searches by plain match)."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_document=post_search_vector())

    def published(self, now=None):
        """Posts the public may see: published, with a publish date that has come."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Published posts whose date is still to come: staff see them, the public does not."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def drafts(self):
        return self.filter(status=Post.Status.DRAFT)

    def with_outline(self):
        """Posts with their excerpts, asides and footnotes (and those rows' sources) prefetched."""
        return self.prefetch_related(
            models.Prefetch("excerpts", Excerpt.objects.select_related("source")),
            models.Prefetch("asides", Aside.objects.select_related("excerpt")),
            models.Prefetch("footnotes", Footnote.objects.select_related("source")),
        )


class Post(models.Model):
    """A blog post written in the commentary dialect.

    Saving renders the body (with the library's sources) and stores, through
    ``blog.derived``, the HTML, the word counts, the cited works, the derived
    excerpt, aside, footnote and in-text citation rows and the search document in one
    transaction; public pages only ever show the stored HTML.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField("title", max_length=300)
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The last part of the post's address; unique across the site.",
        error_messages={"unique": "Another post already uses this slug. Choose a different one."},
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts", verbose_name="author"
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        "publish date",
        default=timezone.now,
        db_index=True,
        help_text="A published post with a date in the future is scheduled: only staff see it until then.",
    )
    created = models.DateTimeField("created", auto_now_add=True)
    updated = models.DateTimeField("updated", auto_now=True)
    summary = models.TextField("summary", blank=True, help_text="Optional; shown in lists and feeds.")
    body = MarkdownxField("body", help_text="Markdown in the commentary dialect.")
    body_html = models.TextField("rendered body", blank=True, editable=False)
    word_count = models.PositiveIntegerField("words", default=0, editable=False)
    quoted_word_count = models.PositiveIntegerField(
        "quoted words", default=0, editable=False, help_text="Words inside excerpts."
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name="tags")
    comments_enabled = models.BooleanField("comments enabled", default=True)
    cited_works = models.JSONField(
        "cited works",
        default=list,
        editable=False,
        help_text="A schema.org CreativeWork for each source cited or quoted, for the page's JSON-LD; "
        "kept by save().",
    )
    works_cited = models.BooleanField(
        "works cited",
        null=True,
        blank=True,
        choices=[(None, "The site's default"), (True, "Show"), (False, "Hide")],
        help_text="A list of the sources cited or quoted, as bibliography entries, after the notes "
        "(the site's default is BLOG_WORKS_CITED).",
    )
    works_cited_html = models.TextField(
        "works cited list",
        blank=True,
        editable=False,
        help_text="The bibliography entries of the sources cited or quoted, in the style's order; "
        "kept by save().",
    )
    search_document = SearchVectorField(
        "search document",
        null=True,
        editable=False,
        help_text="Title, summary and body as PostgreSQL full-text search reads them; kept by save().",
    )
    rendered_with = models.CharField(
        "rendered with",
        max_length=100,
        blank=True,
        editable=False,
        help_text="What the stored rendering was made with: pipeline version, citation style and the "
        "settings it depends on. One that differs from today's (or is empty) is rebuilt; see blog.derived.",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "post"
        verbose_name_plural = "posts"
        ordering = ["-publish_at"]
        # WordPress's edit_others_posts: authors hold change_post for their own posts only.
        permissions = [("edit_others_posts", "Can edit, publish and reassign everyone's posts")]
        # Full-text search (PostgreSQL only; see blog.search and migration 0005).
        indexes = [
            GinIndex(fields=["search_document"], name="blog_post_search_document"),
            # Lists, counts, deep pages and the archive's months read published posts in this
            # order from the index alone (blog.lists); PostgreSQL scans it either way.
            models.Index(fields=["status", "publish_at", "id"], name="blog_post_published"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, rendering: Rendering | None = None, **kwargs):
        """Render the body (unless ``rendering`` is given) and store it with its derived rows.

        A save limited by ``update_fields`` that names neither ``body`` nor
        ``body_html`` does not re-render; inside ``derived.deferred()`` the
        rendering waits for the block's end.
        """
        from blog import derived  # the owner of renderings builds on this module

        update_fields = kwargs.get("update_fields")
        searchable = update_fields is None or bool({"title", "summary", "body"} & set(update_fields))
        if update_fields is not None and not {"body", "body_html"} & set(update_fields):
            with transaction.atomic():
                super().save(*args, **kwargs)
                if searchable:
                    Post.objects.filter(pk=self.pk).refresh_search_documents()
            return
        if rendering is None and derived.deferring():
            # Inside ``derived.deferred()``: the block's end renders this post with the others.
            with transaction.atomic():
                super().save(*args, **kwargs)
                derived.defer(self)
            return
        rendering = rendering or render_body(self.body)
        sources = derived.cited_sources(rendering)
        derived.fill_post(self, rendering, sources)
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *derived.POST_FIELDS}
        with transaction.atomic():
            super().save(*args, **kwargs)
            derived.rebuild_rows([(self, rendering)], sources)
            Post.objects.filter(pk=self.pk).refresh_search_documents()

    def get_absolute_url(self):
        day = timezone.localdate(self.publish_at)
        return reverse(
            "blog:post_detail",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": self.slug},
        )

    @property
    def shows_works_cited(self):
        """Whether the post's page lists its works cited: its own choice, else the site's.

        Under an in-text style the list is the citations' key, so it is always shown.
        """
        if get_style().kind == "in-text":
            return bool(self.works_cited_html)
        chosen = conf.get("WORKS_CITED") if self.works_cited is None else self.works_cited
        return chosen and bool(self.works_cited_html)

    @property
    def works_cited_heading(self):
        """The heading of the list of works cited, as the style names it ("References")."""
        return get_style().heading

    def get_cite_url(self, extension):
        """The address of the post's citation file: ``bib``, ``json`` or ``ris`` (``blog.cite``)."""
        day = timezone.localdate(self.publish_at)
        kwargs = {"year": day.year, "month": day.month, "day": day.day, "slug": self.slug}
        return reverse("blog:post_cite", kwargs={**kwargs, "extension": extension})

    def get_card_url(self):
        """The address of the post's social card image (``blog.cards``)."""
        day = timezone.localdate(self.publish_at)
        kwargs = {"year": day.year, "month": day.month, "day": day.day, "slug": self.slug}
        return reverse("blog:post_card", kwargs=kwargs)

    def get_preview_url(self):
        """The staff-only preview on the public template, for drafts and scheduled posts."""
        return reverse("blog:post_preview", kwargs={"pk": self.pk})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def state_label(self):
        """Draft, Scheduled or Published, as the admin and the preview banner say it."""
        return "Scheduled" if self.is_scheduled else self.get_status_display()

    @property
    def reading_minutes(self):
        """Minutes a reader takes over the post, at 230 words a minute; at least one."""
        return max(1, round(self.word_count / READING_SPEED))

    @property
    def quoted_percent(self):
        """How much of the post is quotation, as a whole percentage."""
        return round(100 * self.quoted_word_count / self.word_count) if self.word_count else 0


class Excerpt(models.Model):
    """A quoted passage in a post, with the source its attribution names."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="excerpts", verbose_name="post")
    position = models.PositiveIntegerField("position", help_text="Order of the excerpt in the post.")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="excerpts",
        verbose_name="source",
        help_text="A source quoted in a post cannot be deleted until the post stops quoting it.",
    )
    locator = models.CharField("locator", max_length=200, blank=True, help_text="Page, section or time.")
    text = models.TextField("quoted text", help_text="The passage as plain text, without asides.")
    word_count = models.PositiveIntegerField("words", default=0)
    omissions = models.PositiveIntegerField("omissions", default=0, help_text="Marked ellipses.")

    class Meta:
        verbose_name = "excerpt"
        verbose_name_plural = "excerpts"
        ordering = ["post", "position"]

    def __str__(self):
        return f"Excerpt {self.position} in “{self.post}”"


class Aside(models.Model):
    """The author's own words set inside a post, usually inside an excerpt."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="asides", verbose_name="post")
    excerpt = models.ForeignKey(
        Excerpt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="asides",
        verbose_name="excerpt",
    )
    position = models.PositiveIntegerField("position", help_text="Order of the aside in the post.")
    label = models.CharField("label", max_length=50, help_text="Comment, Note, Aside or Update.")
    text = models.TextField("text")

    class Meta:
        verbose_name = "aside"
        verbose_name_plural = "asides"
        ordering = ["post", "position"]

    def __str__(self):
        return f"{self.label} {self.position} in “{self.post}”"


class Footnote(models.Model):
    """A numbered note in a post: a citation of a source, or the author's plain footnote.

    Under an in-text style citations are ``InTextCitation`` rows; only plain footnotes are notes.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="footnotes", verbose_name="post")
    number = models.PositiveIntegerField("number")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="footnotes",
        verbose_name="source",
        help_text="A source cited in a post cannot be deleted until the post stops citing it.",
    )
    locator = models.CharField("locator", max_length=200, blank=True, help_text="Page, section or time.")
    note_html = models.TextField("rendered note", help_text="The note as the page shows it (sanitized HTML).")

    class Meta:
        verbose_name = "footnote"
        verbose_name_plural = "footnotes"
        ordering = ["post", "number"]

    def __str__(self):
        return f"Note {self.number} in “{self.post}”"


class InTextCitation(models.Model):
    """A citation set in a post's running text by an in-text style: ``(Smith 2016, 33)``.

    A citation naming several sources ("(see Zola 1885; Adams 2002)") has a
    row for each, sharing its position, so that every source knows the post
    cites it; the locator belongs to the first.
    """

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="in_text_citations", verbose_name="post"
    )
    position = models.PositiveIntegerField(
        "position", help_text="Order of the citation in the post (those in notes' texts after the text's)."
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="in_text_citations",
        verbose_name="source",
        help_text="A source cited in a post cannot be deleted until the post stops citing it.",
    )
    locator = models.CharField("locator", max_length=200, blank=True, help_text="Page, section or time.")
    html = models.TextField(
        "rendered citation", help_text="The citation as the text shows it (sanitized HTML)."
    )

    class Meta:
        verbose_name = "in-text citation"
        verbose_name_plural = "in-text citations"
        ordering = ["post", "position", "pk"]

    def __str__(self):
        return f"Citation {self.position} in “{self.post}”"


class Revision(models.Model):
    """The title, summary and body of a post as one save left them, with who saved it and when.

    A post's newest revision is its current text; the ones before it are the
    texts each later save replaced.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions", verbose_name="post")
    title = models.CharField("title", max_length=300)
    summary = models.TextField("summary", blank=True)
    body = models.TextField("body")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="saved by",
        help_text="Empty when the text was saved outside the admin (import, demo, shell).",
    )
    created = models.DateTimeField("saved at", default=timezone.now, db_index=True)
    note = models.CharField("note", max_length=200, blank=True, help_text="Why this revision exists.")

    class Meta:
        verbose_name = "revision"
        verbose_name_plural = "revisions"
        ordering = ["-created", "-pk"]
        get_latest_by = ["created", "pk"]

    def __str__(self):
        return f"“{self.title}” as saved {timezone.localtime(self.created):%Y-%m-%d %H:%M}"

    def same_text_as(self, post):
        return (self.title, self.summary, self.body) == (post.title, post.summary, post.body)


class Autosave(models.Model):
    """A draft of a post's title, summary and body that the editor kept while its author typed.

    Never the post's text: the post changes only when someone saves the form,
    perhaps after loading an autosave into it. An autosave of a post not yet
    saved has no post, and belongs to its writer's next "Add post" form.
    """

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves", verbose_name="post"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="written by"
    )
    title = models.CharField("title", max_length=300, blank=True)
    summary = models.TextField("summary", blank=True)
    body = models.TextField("body", blank=True)
    created = models.DateTimeField("autosaved at", default=timezone.now)

    class Meta:
        verbose_name = "autosave"
        verbose_name_plural = "autosaves"
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["post", "author", "created"], name="blog_autosave_recent")]

    def __str__(self):
        return f"“{self.title or 'Untitled'}” as autosaved {timezone.localtime(self.created):%Y-%m-%d %H:%M}"


class OldSlug(models.Model):
    """A slug a post had before it was renamed: its old address answers 301 to the new one.

    A post that takes the slug later wins: the old address is looked up only
    when no post has the slug.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="old_slugs", verbose_name="post")
    slug = models.SlugField("old slug", max_length=200, unique=True, allow_unicode=True)
    created = models.DateTimeField("renamed at", default=timezone.now)

    class Meta:
        verbose_name = "old slug"
        verbose_name_plural = "old slugs"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.slug} → {self.post.slug}"


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)


class Page(models.Model):
    """A standalone page (About, Colophon…) outside the stream of posts, written in the same dialect.

    Saving renders the body as a post's is rendered and stores the HTML; a page
    has no author, date, tags or comments, and keeps no excerpt or footnote
    rows (what cites a source is a post).
    """

    Status = Post.Status

    title = models.CharField("title", max_length=300)
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The last part of the page's address (/pages/<slug>/); unique across pages.",
        error_messages={"unique": "Another page already uses this slug. Choose a different one."},
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    body = MarkdownxField("body", help_text="Markdown in the commentary dialect.")
    body_html = models.TextField("rendered body", blank=True, editable=False)
    rendered_with = models.CharField(
        "rendered with",
        max_length=100,
        blank=True,
        editable=False,
        help_text="What the stored HTML was made with, as for posts; see blog.derived.",
    )
    created = models.DateTimeField("created", auto_now_add=True)
    updated = models.DateTimeField("updated", auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = "page"
        verbose_name_plural = "pages"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, rendering: Rendering | None = None, **kwargs):
        """Render the body (unless ``rendering`` is given) and store the HTML with the page.

        As for posts, a save limited by ``update_fields`` that does not name ``body`` does not re-render.
        """
        from blog import derived  # the owner of renderings builds on this module

        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            derived.fill_page(self, rendering or render_body(self.body))
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *derived.PAGE_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("blog:page_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED


class AuthorProfile(models.Model):
    """What an author's page says of them: a short bio and, if they like, a photo."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="author_profile",
        verbose_name="author",
    )
    bio = models.TextField(
        "bio", blank=True, max_length=2000, help_text="A few sentences about you, shown on your author page."
    )
    photo = models.ImageField(
        "photo",
        upload_to="authors/%Y/",
        blank=True,
        help_text="Optional; shown beside the bio, 160 pixels square.",
    )
    photo_alt = models.CharField(
        "photo description",
        max_length=200,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it.",
    )

    class Meta:
        verbose_name = "author profile"
        verbose_name_plural = "author profiles"

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    def get_absolute_url(self):
        return reverse("blog:author_detail", kwargs={"username": self.user.get_username()})
