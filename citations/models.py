"""A bibliographic record in CSL terms: what a footnote or excerpt cites."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

# Pandoc's citation keys: a letter, digit or underscore, then word characters
# and internal punctuation.
CITATION_KEY_PATTERN = r"[A-Za-z0-9_](?:[\w:.#$%&+?<>~/-]*[\w])?"

validate_citation_key = RegexValidator(
    rf"^{CITATION_KEY_PATTERN}\Z",
    "A key starts with a letter, digit or underscore and may contain "
    "letters, digits and : . # $ % & - + ? < > ~ / inside.",
)


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
        max_length=100,
        unique=True,
        validators=[validate_citation_key],
        help_text="How posts cite this source, as in [@hinshaw2013].",
    )
    type = models.CharField("type", max_length=32, choices=Type.choices, default=Type.NEWSPAPER_ARTICLE)
    title = models.CharField("title", max_length=500)
    container_title = models.CharField(
        "container title",
        max_length=500,
        blank=True,
        help_text="The newspaper, journal, book, site or programme the work appeared in.",
    )
    authors = models.JSONField(
        "authors",
        default=list,
        blank=True,
        help_text='In order, as CSL names: {"given": …, "family": …} or {"literal": …}.',
    )
    editors = models.JSONField("editors", default=list, blank=True)
    publisher = models.CharField("publisher", max_length=300, blank=True)
    publisher_place = models.CharField("place of publication", max_length=200, blank=True)
    issued_year = models.IntegerField("year issued", null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField("month issued", null=True, blank=True)
    issued_day = models.PositiveSmallIntegerField("day issued", null=True, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    archive_url = models.URLField(
        "archive URL", max_length=1000, blank=True, help_text="A saved copy, e.g. in the Wayback Machine."
    )
    accessed = models.DateField("accessed", null=True, blank=True)
    volume = models.CharField("volume", max_length=50, blank=True)
    issue = models.CharField("issue", max_length=50, blank=True)
    page = models.CharField("pages", max_length=50, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    isbn = models.CharField("ISBN", max_length=50, blank=True)
    note = models.TextField("note", blank=True)
    created = models.DateTimeField("created", auto_now_add=True)
    updated = models.DateTimeField("updated", auto_now=True)

    class Meta:
        verbose_name = "source"
        verbose_name_plural = "sources"
        ordering = ["key"]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def get_absolute_url(self):
        return reverse("citations:source_detail", kwargs={"key": self.key})
