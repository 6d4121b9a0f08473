"""Admin for posts: the markdownx editor, list figures, the outline of derived rows, previews.

Other apps extend it without the blog knowing them, through ``add_column``
(a column of the post list, with the annotation it reads), ``add_fields``
(fields of ``Post`` shown in one of the form's sections), ``add_excerpt_notes``
(what they know of each excerpt, under it in the outline) and ``add_after_save``
(a call after each save, in its transaction: a place for a warning).
"""

from collections.abc import Callable
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from django import forms
from django.contrib import admin, messages
from django.template.loader import render_to_string

from blog import conf
from blog.admin.editing import EditorAdminMixin
from blog.admin.revisions import RevisionAdminMixin
from blog.editor import BodyWidget
from blog.fair_use import quoted_share_warning
from blog.models import Post, render_body
from blog.permissions import may_edit_others_posts, may_edit_post, post_author_choices, posts_visible_to
from blog.selectors import sources_cited_in
from blog.services import existing_tags, post_save_with_body, post_set_tags
from blog.tagging import MAX_TAGS, parse_tag_names, tag_slug
from citations.admin import download


class PostAdminForm(forms.ModelForm):
    """The post form; a body the pipeline finds problems in is refused with those problems named.

    Tags are typed as names, comma-separated; new ones are made on save by
    whoever may add tags (``may_add_tags``, set by the admin for its user).
    """

    tag_names = forms.CharField(
        label="Tags",
        required=False,
        help_text=f"Comma-separated, at most {MAX_TAGS}; a new name makes a new tag when you save.",
        widget=forms.TextInput(attrs={"size": 60, "autocomplete": "off"}),
    )
    may_add_tags = False

    class Meta:
        model = Post
        fields = ["title", "slug", "summary", "body", "author", "status", "publish_at", "works_cited"]
        widgets = {"body": BodyWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        body = self.fields["body"]
        body.help_text = f"{body.help_text} {conf.limits_help_text()}"
        if self.instance.pk and "tag_names" not in self.initial:
            self.initial["tag_names"] = ", ".join(tag.name for tag in self.instance.tags.all())

    def clean_tag_names(self):
        names, problems = parse_tag_names(self.cleaned_data["tag_names"])
        if problems:
            raise forms.ValidationError(problems, code="tags")
        known = existing_tags(names)
        new = [name for name in names if tag_slug(name) not in known]
        if new and not self.may_add_tags:
            raise forms.ValidationError(
                "You may not add tags; ask an editor for: " + ", ".join(new) + ".", code="new_tags"
            )
        return names

    def clean_body(self):
        body = self.cleaned_data["body"]
        self.rendering = render_body(body)
        if self.rendering.errors:
            raise forms.ValidationError(
                [forms.ValidationError(message, code="dialect") for message in self.rendering.errors]
            )
        return body

    def clean(self):
        """A published post (or page) needs what a draft may lack: alt text on every image."""
        cleaned_data = super().clean()
        rendering = getattr(self, "rendering", None)
        if rendering and cleaned_data.get("status") == Post.Status.PUBLISHED:
            for message in rendering.publish_errors:
                self.add_error("body", forms.ValidationError(message, code="unpublishable"))
        return cleaned_data


class StateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published (and public), as authors think of a post."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("published", "Published")]

    def queryset(self, request, queryset):
        return {
            "draft": queryset.drafts,
            "scheduled": queryset.scheduled,
            "published": queryset.published,
        }.get(self.value(), queryset.all)()


class Column(NamedTuple):
    display: Callable  # an ``@admin.display`` function of a post
    annotations: dict  # what it reads, annotated on the admin's queryset


# What other apps add to the post admin: columns of the list, fields by the title of their section,
# notes under the outline's excerpts, calls after a save.
columns = {}
fields = {}
excerpt_notes = []
after_save = []


def add_column(display, **annotations):
    """Show ``display(post)`` as a column of the post list, each post annotated with ``annotations``."""
    columns[display.__name__] = Column(display, annotations)


def add_fields(section, *names):
    """Show the ``Post`` fields ``names`` at the end of the form's section titled ``section``."""
    shown = fields.setdefault(section, [])
    shown += [name for name in names if name not in shown]


def add_excerpt_notes(notes_of):
    """Show ``notes_of(post)`` (excerpt position → HTML) under each excerpt of the post's outline."""
    if notes_of not in excerpt_notes:
        excerpt_notes.append(notes_of)


def add_after_save(call):
    """Call ``call(request, post)`` after each save of a post in the admin, its rows rebuilt."""
    if call not in after_save:
        after_save.append(call)


@admin.register(Post)
class PostAdmin(EditorAdminMixin, RevisionAdminMixin, admin.ModelAdmin):
    form = PostAdminForm
    actions = ["export_sources_csl_json", "export_sources_bibtex"]

    class Media:
        js = ["admin/blog/editor-autosave.js"]

    list_display = ["title", "state", "publish_at", "tag_list", "word_count", "quoted", "author"]
    list_filter = [StateFilter, "tags", "author"]
    list_select_related = ["author"]
    date_hierarchy = "publish_at"
    search_fields = ["title", "slug", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["outline", "word_count", "quoted", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "tag_names"]}),
        ("Publishing", {"fields": ["author", "status", "publish_at", "works_cited"]}),
        (
            "Outline",
            {
                "fields": ["outline"],
                "description": "What the last save found in the body: excerpts, asides and footnotes.",
            },
        ),
        ("Figures", {"fields": ["word_count", "quoted", "created", "updated"]}),
    ]

    # Roles: every page, action and view of this admin finds posts through get_queryset, so an
    # author's list, change, delete, history and revision pages, and bulk actions on forged ids,
    # reach only their own posts; the object checks below say the same again for any other caller.

    def get_queryset(self, request):
        queryset = posts_visible_to(request.user, super().get_queryset(request)).prefetch_related("tags")
        for column in columns.values():
            queryset = queryset.annotate(**column.annotations)
        return queryset

    def get_list_display(self, request):
        return [*super().get_list_display(request), *(column.display for column in columns.values())]

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": [*options["fields"], *fields.get(title, [])]})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (obj is None or may_edit_post(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_edit_post(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_edit_post(request.user, obj))

    def get_readonly_fields(self, request, obj=None):
        # Left out of the form, a forged "author" in the POST is never read.
        readonly = super().get_readonly_fields(request, obj)
        return readonly if may_edit_others_posts(request.user) else [*readonly, "author"]

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        return filters if may_edit_others_posts(request.user) else [f for f in filters if f != "author"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["queryset"] = post_author_choices()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.may_add_tags = request.user.has_perm("blog.add_tag")
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post_set_tags(post=form.instance, names=form.cleaned_data["tag_names"])

    def save_model(self, request, obj, form, change):
        if not change and not may_edit_others_posts(request.user):
            obj.author = request.user
        post_save_with_body(post=obj, user=request.user, rendering=getattr(form, "rendering", None))
        if obj.status == Post.Status.PUBLISHED:
            warning = quoted_share_warning(obj.word_count, obj.quoted_word_count)
            if warning:
                messages.warning(request, warning)
        for call in after_save:
            call(request, obj)

    def view_on_site(self, post):
        return post.get_absolute_url() if post.is_public else post.get_preview_url()

    @admin.display(description="state", ordering="status")
    def state(self, post):
        return post.state_label

    @admin.display(description="tags")
    def tag_list(self, post):
        return ", ".join(tag.name for tag in post.tags.all())

    @admin.display(description="quoted", ordering="quoted_word_count")
    def quoted(self, post):
        return f"{post.quoted_percent}%"

    @admin.action(description="Export the selected posts' sources as CSL-JSON", permissions=["view"])
    def export_sources_csl_json(self, request, queryset):
        return download(sources_cited_in(queryset), "csl-json")

    @admin.action(description="Export the selected posts' sources as BibTeX", permissions=["view"])
    def export_sources_bibtex(self, request, queryset):
        return download(sources_cited_in(queryset), "bibtex")

    @admin.display(description="outline")
    def outline(self, post):
        if not post.pk:
            return "The outline appears once the post is saved."
        excerpts = list(post.excerpts.select_related("source"))
        found = [notes_of(post) for notes_of in excerpt_notes]
        for excerpt in excerpts:
            excerpt.outline_notes = [notes[excerpt.position] for notes in found if excerpt.position in notes]
        return render_to_string(
            "admin/blog/post/includes/outline.html",
            {
                "excerpts": excerpts,
                "asides": post.asides.select_related("excerpt"),
                "notes": grouped(post.footnotes.select_related("source"), "number", "note_html"),
                "citations": grouped(post.in_text_citations.select_related("source"), "position", "html"),
            },
        )


def grouped(rows, place, html):
    """(place, HTML, cited keys) once per note or in-text citation; one citing several sources has a
    row for each, sharing its ``place`` (a note's number, a citation's position)."""
    found = []
    for value, same in groupby(rows, key=attrgetter(place)):
        same = list(same)
        found.append((value, getattr(same[0], html), [row.source.key for row in same if row.source]))
    return found
