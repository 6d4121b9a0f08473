"""A bibliographic record in CSL terms: what a footnote or excerpt cites."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from citations import csl, markup, styles
from citations.keys import KEY_PATTERN, MAX_KEY_LENGTH, cite_key
from citations.styles.processor import alike_key

validate_citation_key = RegexValidator(
    rf"^{KEY_PATTERN}\Z",
    "A key has no spaces, braces, commas or control characters. A key that starts with a letter, digit or "
    "underscore and has only letters, digits and single punctuation marks (: . # $ %% & - + ? < > ~ /) "
    "between them is cited as it is, as in [@hinshaw2013]; any other is cited in braces, as in "
    "[@{O'Hara_1999}].",  # %% as messages are %-formatted
)
# A source's page is /sources/<key>/: a browser resolves a "." or ".." part of its address (even
# written %2E) before asking, so a key with one would open another page.
validate_key_as_address = RegexValidator(
    r"(?:^|/)(?:\.|\.\.)(?:/|\Z)",
    'A key has no "." or ".." between slashes (as in "a/../b"): its page\'s address would lead elsewhere.',
    inverse_match=True,
)

# Enough of a key to order any two real entries; the citation key breaks the rare tie.
SORT_KEY_LENGTH = 300

NAMES_HELP = (
    'One a line, in order: "Family, Given" (or "Family, Given, Suffix"). '
    "A line without a comma, or wrapped in {braces}, is an organisation."
)


def sort_key(item):
    """Where a CSL-JSON item files in the site's style, cut to fit ``Source.sort_key``."""
    return styles.get_style().sort_key(csl.as_text(item))[:SORT_KEY_LENGTH]


class SortKeyField(models.CharField):
    """Text compared code point by code point, as a style's ``sort_key`` is built to sort.

    PostgreSQL's collation for the database's locale ignores spaces and
    punctuation at first, which would run a key's parts together; "C" does
    not. SQLite compares bytes already.
    """

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters


class SourceQuerySet(models.QuerySet):
    def delete(self):
        """Delete the sources, and tell apart again once each group of works alike they leave (the
        admin's "Delete selected sources" calls this)."""
        from citations.services import deleted_together

        with deleted_together():
            return super().delete()

    def by_keys(self, keys):
        """The sources with these keys, as a dict keyed by citation key."""
        return self.in_bulk(list(keys), field_name="key")

    def group_by_publication(self, sources=None):
        """(publication, sources) pairs, A to Z; works that stand alone come last."""
        groups = {}
        for source in self if sources is None else sources:
            groups.setdefault(source.container_title, []).append(source)
        standalone = groups.pop("", [])
        pairs = sorted(groups.items(), key=lambda pair: pair[0].casefold())
        return pairs + ([("Books and other stand-alone works", standalone)] if standalone else [])

    def group_by_author(self, sources=None):
        """(author, sources) pairs by family name; a work with several authors is under each."""
        groups = {}
        for source in self if sources is None else sources:
            for name in source.authors or source.editors or [{"literal": "Anonymous"}]:
                groups.setdefault(csl.names_to_text([name]).rstrip(",").strip("{}"), []).append(source)
        return sorted(groups.items(), key=lambda pair: pair[0].casefold())


class Source(models.Model):
    """One work in the library: an article, book, page or broadcast."""

    class Type(models.TextChoices):
        NEWSPAPER_ARTICLE = "article-newspaper", "Newspaper article"
        MAGAZINE_ARTICLE = "article-magazine", "Magazine article"
        JOURNAL_ARTICLE = "article-journal", "Journal article"
        BOOK = "book", "Book"
        CHAPTER = "chapter", "Book chapter"
        WEBPAGE = "webpage", "Web page"
        BLOG_POST = "post-weblog", "Blog post"
        REPORT = "report", "Report"
        BROADCAST = "broadcast", "Broadcast or video"
        LEGAL = "legislation", "Legal or government document"

    key = models.CharField(
        "citation key",
        max_length=MAX_KEY_LENGTH,
        unique=True,
        validators=[validate_citation_key, validate_key_as_address],
        help_text="How posts cite this source, as in [@hinshaw2013], or in braces when the key holds "
        "other punctuation, as in [@{O'Hara_1999}].",
    )
    type = models.CharField("type", max_length=32, choices=Type.choices, default=Type.NEWSPAPER_ARTICLE)
    title = models.CharField(
        "title",
        max_length=500,
        blank=True,
        help_text="Left blank for an untitled work (a letter, a comment, an interview), which citations "
        "describe by its genre or medium.",
    )
    short_title = models.CharField(
        "short title",
        max_length=200,
        blank=True,
        help_text="For short notes; left blank, the first words of the main title are used.",
    )
    container_title = models.CharField(
        "container title",
        max_length=500,
        blank=True,
        help_text="The newspaper, journal, book, site or programme the work appeared in.",
    )
    authors = models.JSONField("authors", default=list, blank=True, help_text=NAMES_HELP)
    editors = models.JSONField("editors", default=list, blank=True, help_text=NAMES_HELP)
    names_text = models.TextField(
        "names",
        blank=True,
        editable=False,
        help_text="Authors and editors as plain text, kept for searching.",
    )
    sort_key = SortKeyField(
        "sort key",
        max_length=SORT_KEY_LENGTH,
        blank=True,
        editable=False,
        help_text="Where the bibliography entry files in the citation style's order; kept by save().",
    )
    sort_style = models.CharField(
        "made for",
        max_length=200,
        blank=True,
        editable=False,
        help_text=(
            "The citation style (and version of the styles' code) the sort key, entry and note "
            "were made for; a change of either makes them again."
        ),
    )
    entry_html = models.TextField(
        "bibliography entry",
        blank=True,
        editable=False,
        help_text="The bibliography entry as HTML in the citation style; kept by save().",
    )
    note_html = models.TextField(
        "note",
        blank=True,
        editable=False,
        help_text="The full note (or in-text citation) as HTML, unlinked, as the source's page shows it.",
    )
    alike_key = models.CharField(
        "alike key",
        max_length=200,
        blank=True,
        editable=False,
        db_index=True,
        help_text=(
            "What the sources whose citations could read alike share (the surname cited first); "
            "they are told apart together. Kept by save()."
        ),
    )
    distinction = models.JSONField(
        "what tells it apart",
        default=dict,
        blank=True,
        editable=False,
        help_text=(
            "What an in-text style adds to tell this work from others alike in the library "
            "(2019a, initials, a title), in its citations and its entry, and the style it was made "
            "for; kept by citations.services.tell_apart."
        ),
    )
    publisher = models.CharField("publisher", max_length=300, blank=True)
    publisher_place = models.CharField("place of publication", max_length=200, blank=True)
    issued_year = models.IntegerField("year issued", null=True, blank=True, db_index=True)
    issued_month = models.PositiveSmallIntegerField("month issued", null=True, blank=True)
    issued_day = models.PositiveSmallIntegerField("day issued", null=True, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    archive_url = models.URLField(
        "archive URL", max_length=1000, blank=True, help_text="A saved copy, e.g. in the Wayback Machine."
    )
    accessed = models.DateField("accessed", null=True, blank=True)
    volume = models.CharField("volume", max_length=50, blank=True)
    issue = models.CharField("issue", max_length=50, blank=True)
    page = models.CharField("pages", max_length=50, blank=True, help_text="Inclusive pages, e.g. 189–211.")
    doi = models.CharField("DOI", max_length=200, blank=True, help_text="Without https://doi.org/.")
    isbn = models.CharField("ISBN", max_length=50, blank=True)
    # Not "note": that name is the method that formats a footnote.
    annotation = models.TextField(
        "note",
        blank=True,
        help_text="Not shown in citations, but for lines such as “original-date: 1950” or “genre: email "
        "message”: a CSL variable and its value, as in Zotero's Extra field, read as this source's own.",
    )
    csl = models.JSONField(
        "full record",
        default=dict,
        blank=True,
        editable=False,
        help_text=(
            "The CSL-JSON item as imported, every variable kept; exports and citations "
            "take the fields above over it where they have been edited."
        ),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="added by",
        help_text="Who added the source in the admin; an author may edit only the sources they added.",
    )
    created = models.DateTimeField("created", auto_now_add=True)
    updated = models.DateTimeField("updated", auto_now=True)

    objects = SourceQuerySet.as_manager()

    # The fields a CSL-JSON record sets; everything else is bookkeeping.
    RECORD_FIELDS = (
        "type",
        "title",
        "short_title",
        "container_title",
        "authors",
        "editors",
        "publisher",
        "publisher_place",
        "issued_year",
        "issued_month",
        "issued_day",
        "url",
        "archive_url",
        "accessed",
        "volume",
        "issue",
        "page",
        "doi",
        "isbn",
        "annotation",
    )

    class Meta:
        verbose_name = "source"
        verbose_name_plural = "sources"
        ordering = ["key"]
        # The library as a bibliography, a page at a time (citations.views.SourceListView).
        indexes = [models.Index(fields=["sort_key", "key"], name="citations_source_bibliography")]
        permissions = [("edit_others_sources", "Can edit, delete and import over anyone's sources")]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def save(self, *args, **kwargs):
        """Store the derived fields, and tell apart again the works alike this one was and is among
        (``citations.services.tell_apart``), before the row is written."""
        from citations.services import tell_apart

        was_alike = self.alike_key
        self.refresh_derived()
        retold = tell_apart({was_alike, self.alike_key}, source=self)
        super().save(*args, **kwargs)
        if retold:
            from citations.signals import sources_changed

            sources_changed.send(sender=type(self), keys=retold)

    def get_absolute_url(self):
        return reverse("citations:source_detail", kwargs={"key": self.key})

    @property
    def cited_as(self):
        """The key as a post cites it, in braces when it needs them: ``@{O'Hara_1999}``."""
        return cite_key(self.key)

    def clean(self):
        errors = {}
        for field in ("authors", "editors"):
            problems = csl.name_errors(getattr(self, field))
            if problems:
                errors[field] = problems
        problems = csl.date_errors(self.issued_year, self.issued_month, self.issued_day)
        if problems:
            errors["issued_day" if self.issued_day and self.issued_month else "issued_month"] = problems
        if not self.title and not csl.names_the_work(csl.as_text(self.as_csl())):
            errors["title"] = "Give a title, or an author, editor or container to cite this work by."
        if self.doi.lower().startswith(("http://", "https://", "doi:")):
            self.doi = self.doi.split("doi.org/", 1)[-1].removeprefix("doi:").removeprefix("DOI:").strip()
        if errors:
            raise ValidationError(errors)

    # What ``refresh_derived`` makes, for bulk writers to save.
    DERIVED_FIELDS = ("names_text", "alike_key", "sort_key", "sort_style", "entry_html", "note_html")

    def refresh_derived(self):
        """Keep ``DERIVED_FIELDS`` in step with the fields and the site's style (bulk writes call this
        themselves; ``citations.services.refresh_stale_sources`` after a change of style)."""
        self.names_text = "; ".join(
            " ".join(filter(None, (name.get(part) for part in csl.NAME_PARTS)))
            for name in [*self.authors, *self.editors]
            if isinstance(name, dict)
        )
        self.alike_key = alike_key(self.csl_item("alone"))[: self._meta.get_field("alike_key").max_length]
        self.sort_key = sort_key({**self.fields_as_csl(), **self.told_apart_by("listed")})
        self.sort_style = styles.stamp()
        self.entry_html = self.bibliography_entry()
        self.note_html = self.note(linked=False)

    @property
    def is_current(self):
        """Whether the stored entry and note were made for the site's style as its code stands."""
        return self.sort_style == styles.stamp()

    @property
    def entry(self):
        """The stored bibliography entry, or one made now if it was made for another style."""
        if self.is_current:
            return mark_safe(self.entry_html)  # noqa: S308 (made by the style, which escapes every value)
        return self.bibliography_entry()

    @property
    def stored_note(self):
        """The stored unlinked note, or one made now if it was made for another style."""
        if self.is_current:
            return mark_safe(self.note_html)  # noqa: S308 (made by the style, which escapes every value)
        return self.note(linked=False)

    # CSL-JSON ---------------------------------------------------------------

    def fields_as_csl(self):
        """The fields above as a CSL-JSON item (only the variables that are set)."""
        item = {
            "id": self.key,
            "type": self.type,
            "title": self.title,
            "title-short": self.short_title,
            "container-title": self.container_title,
            "author": self.authors,
            "editor": self.editors,
            "publisher": self.publisher,
            "publisher-place": self.publisher_place,
            "issued": csl.date_to_csl(self.issued_year, self.issued_month, self.issued_day),
            "URL": self.url,
            # CSL has no variable for a web archive's copy; archive_location is
            # the nearest, and what Zotero's "Loc. in Archive" exports to.
            "archive_location": self.archive_url,
            "accessed": self.accessed
            and csl.date_to_csl(self.accessed.year, self.accessed.month, self.accessed.day),
            "volume": self.volume,
            "issue": self.issue,
            "page": self.page,
            "DOI": self.doi,
            "ISBN": self.isbn,
            "note": self.annotation,
        }
        return {name: value for name, value in item.items() if value}

    def as_csl(self):
        """This source as a CSL-JSON item: the full record, with the fields edited since it was
        read taken over it. A record exported unedited is the record imported, byte for byte
        once parsed; see ``csl.merge_edited``."""
        if not self.csl:
            return self.fields_as_csl()
        from citations.formats.csljson import RecordError, item_to_fields

        try:
            read = type(self)(**item_to_fields(self.csl).fields).fields_as_csl()
        except RecordError:  # a record this version no longer reads: the fields alone are sure
            return self.fields_as_csl()
        return csl.merge_edited(self.csl, read, self.fields_as_csl())

    @classmethod
    def from_csl(cls, item):
        """An unsaved Source built from a CSL-JSON item; see ``citations.formats.csljson``."""
        from citations.formats.csljson import item_to_fields

        return cls(**item_to_fields(item).fields, csl=item)

    @property
    def title_html(self):
        """The title as HTML, its CSL markup (``<i>``, ``<sc>``…) kept as formatting; an untitled
        work's description (``csl.description``)."""
        if not self.title:
            return escape(self.title_text)
        return mark_safe(markup.to_html(self.title))  # noqa: S308 (markup.to_html escapes all else)

    @property
    def title_text(self):
        """The title without markup, for a page's ``<title>`` and descriptions; an untitled work's
        description."""
        if not self.title:
            return csl.description(csl.as_text(self.csl))  # genre, medium: no field of their own
        return markup.to_text(self.title)

    # Citing -------------------------------------------------------------------

    def note(self, locator="", *, short=False, linked=True, label="page", suppress_author=False):
        """The footnote as HTML in the configured style, full or short, with a locator.

        The title links to this source's page on the site (where readers find
        the full reference and the other posts citing it), unless ``linked`` is
        off. ``label`` is the locator's kind (CSL's ``page``, ``chapter``…);
        ``suppress_author`` leaves out the author, whom the post's text names.
        """
        href = self.get_absolute_url() if linked else None
        return styles.get_style().note(
            self.csl_item(),
            locator,
            short=short,
            href=href,
            label=label,
            suppress_author=suppress_author,
        )

    def narrative(self, *, short=False):
        """The author as a post's running text names them, in the configured style."""
        return styles.get_style().narrative(self.csl_item(), short=short)

    def bibliography_entry(self):
        """The bibliography entry as HTML in the configured style."""
        return styles.get_style().bibliography(self.csl_item("listed"))

    def csl_item(self, form="cited"):
        """This source as the styles read it: its CSL-JSON item with text values, with what tells it
        apart from works alike in the library (``distinction``) in its citations (``"cited"``) or its
        reference-list entry (``"listed"``), where made for the site's style; ``"alone"``: without."""
        item = csl.as_text(self.as_csl())
        return item if form == "alone" else {**item, **self.told_apart_by(form)}

    def told_apart_by(self, form):
        """The CSL variables ``distinction`` sets in this work's ``"cited"`` or ``"listed"`` form,
        if it was made for the site's style."""
        if self.distinction.get("made_for") != styles.stamp():
            return {}
        return self.distinction.get(form, {})

    def attribution(self):
        """Who and where, as HTML, for an excerpt's caption."""
        return styles.get_style().attribution(csl.as_text(self.as_csl()))
