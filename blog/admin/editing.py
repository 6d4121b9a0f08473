"""The post editor's endpoints in the admin: ``@`` completion of source keys, and autosaves.

Staff-only (the admin site's login, CSRF protection on every POST) and
permission-checked as the post form is: completion needs a writer who may
view sources; an autosave of a post needs change access to it (an author's
own, an editor's any), one of a new post the permission to add posts; an
autosave is read back by whoever may change its post, or, of a new post, by
its writer only. Answers are JSON; bad input is a 400 naming the problem.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET, require_POST

from blog import conf
from blog.editor import may_write_posts
from blog.models import Autosave
from blog.selectors import sources_for_completion
from blog.services import autosaves_adopt, autosaves_of, post_autosave

COMPLETIONS = 10
MAX_QUERY_LENGTH = 100


class AutosaveForm(forms.ModelForm):
    class Meta:
        model = Autosave
        fields = ["title", "summary", "body"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > conf.get("MAX_BODY_LENGTH"):
            raise forms.ValidationError(
                f"The body is longer than {conf.get('MAX_BODY_LENGTH'):,} characters.", code="too_long"
            )
        return body


def _byline(names: list) -> str:
    """Up to three names as people write them (“Drew Hinshaw, Margaret Coker”), then “et al.”"""
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    written = [
        name.get("literal") or " ".join(filter(None, (name.get(part) for part in parts)))
        for name in names
        if isinstance(name, dict)
    ]
    return ", ".join(written[:3]) + (" et al." if len(written) > 3 else "")


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class EditorAdminMixin:
    """Adds ``sources/complete/``, ``autosave/``, ``<id>/autosave/`` and ``autosaves/<id>/``."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("sources/complete/", wrap(self.source_completion_view), name=f"{name}_complete_sources"),
            path("autosave/", wrap(self.autosave_view), name=f"{name}_autosave_new"),
            path(
                "autosaves/<int:autosave_id>/",
                wrap(self.autosave_detail_view),
                name=f"{name}_autosave_detail",
            ),
            path("<path:object_id>/autosave/", wrap(self.autosave_view), name=f"{name}_autosave"),
            *super().get_urls(),
        ]

    @method_decorator(require_GET)
    def source_completion_view(self, request):
        """GET ``q``: ``{"sources": [{"key", "cite", "title", "names", "year"}]}``, at most ten;
        ``cite`` is the key as a post writes it, in braces when it needs them (``@{O'Hara_1999}``)."""
        if not (may_write_posts(request.user) and request.user.has_perm("citations.view_source")):
            raise PermissionDenied
        text = request.GET.get("q", "").strip().removeprefix("@").removeprefix("{")
        if len(text) > MAX_QUERY_LENGTH:
            return JsonResponse({"q": [f"Search with at most {MAX_QUERY_LENGTH} characters."]}, status=400)
        sources = [
            {
                "key": s.key,
                "cite": s.cited_as,
                "title": s.title_text,
                "names": _byline(s.authors or s.editors),
                "year": s.issued_year,
            }
            for s in sources_for_completion(text, COMPLETIONS)
        ]
        return JsonResponse({"sources": sources})

    @method_decorator(require_POST)
    def autosave_view(self, request, object_id=None):
        """POST ``title``, ``summary``, ``body``: ``{"saved": bool, "at": "…"}``; the post is untouched."""
        if object_id is None:
            post = None
            if not self.has_add_permission(request):
                raise PermissionDenied
        else:
            post = self.get_object(request, object_id)
            if post is None:
                raise Http404("No such post.")
            if not self.has_change_permission(request, post):
                raise PermissionDenied
        form = AutosaveForm(request.POST)
        if not form.is_valid():
            return JsonResponse(form.errors, status=400)
        autosave = post_autosave(post=post, user=request.user, **form.cleaned_data)
        if autosave is None:
            return JsonResponse({"saved": False})
        return JsonResponse({"saved": True, "at": _when(autosave.created), "id": autosave.pk})

    @method_decorator(require_GET)
    def autosave_detail_view(self, request, autosave_id):
        """GET: the autosave's ``title``, ``summary`` and ``body``, to load into the form."""
        autosave = get_object_or_404(Autosave.objects.select_related("post"), pk=autosave_id)
        if autosave.post is None:
            allowed = autosave.author_id == request.user.pk and self.has_add_permission(request)
        else:
            post = self.get_object(request, str(autosave.post_id))
            allowed = post is not None and self.has_change_permission(request, post)
        if not allowed:
            raise PermissionDenied
        return JsonResponse(
            {
                "title": autosave.title,
                "summary": autosave.summary,
                "body": autosave.body,
                "at": _when(autosave.created),
            }
        )

    def editor_context(self, request, post):
        """What the change form's template needs for the editor's scripts and the list of autosaves."""
        opts = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        autosave_url = (
            reverse(f"{opts}_autosave", args=[post.pk]) if post else reverse(f"{opts}_autosave_new")
        )
        autosaves = autosaves_of(post=post, user=request.user).select_related("author")
        return {
            "editor": {
                "autosave_url": autosave_url,
                "autosave_seconds": conf.get("AUTOSAVE_SECONDS"),
                "complete_url": reverse(f"{opts}_complete_sources"),
            },
            "autosaves": [
                (autosave, reverse(f"{opts}_autosave_detail", args=[autosave.pk]))
                for autosave in autosaves[: conf.get("AUTOSAVES_KEPT")]
            ],
            "saved_at": post.updated if post else None,
        }

    def save_related(self, request, form, formsets, change):
        """A new post takes the autosaves its form made (the ids the editor's script added to it)."""
        super().save_related(request, form, formsets, change)
        if not change:
            ids = [int(value) for value in request.POST.getlist("autosave") if value.isdigit()]
            autosaves_adopt(post=form.instance, user=request.user, ids=ids)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        post = self.get_object(request, object_id) if object_id else None
        extra_context = {**(extra_context or {}), **self.editor_context(request, post)}
        return super().changeform_view(request, object_id, form_url, extra_context)
