"""The post admin's revision pages: the list, the difference between two, and restoring one.

Staff-only (the admin site's own login) and permission-checked: reading
revisions needs ``blog.view_revision`` and view access to the post; restoring
needs ``blog.add_revision`` and change access to the post.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from blog.diffs import diff_texts
from blog.services import post_restore_revision


class RevisionAdminMixin:
    """Adds ``<id>/revisions/``, ``<id>/revisions/compare/`` and ``<id>/revisions/<rev>/restore/``."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/revisions/", wrap(self.revisions_view), name=f"{name}_revisions"),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.revision_compare_view),
                name=f"{name}_revision_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                wrap(self.revision_restore_view),
                name=f"{name}_revision_restore",
            ),
            *super().get_urls(),
        ]

    def _post_for_revisions(self, request, object_id, *, restore=False):
        post = self.get_object(request, object_id)
        if post is None:
            raise Http404("No such post.")
        if restore:
            allowed = self.has_change_permission(request, post) and request.user.has_perm("blog.add_revision")
        else:
            allowed = self.has_view_or_change_permission(request, post) and request.user.has_perm(
                "blog.view_revision"
            )
        if not allowed:
            raise PermissionDenied
        return post

    def _context(self, request, post, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": post,
            "post": post,
            "title": title,
            "can_restore": self.has_change_permission(request, post)
            and request.user.has_perm("blog.add_revision"),
            **extra,
        }

    def revisions_view(self, request, object_id):
        """Every revision of a post, newest first. Template ``admin/blog/post/revisions.html``."""
        post = self._post_for_revisions(request, object_id)
        revisions = post.revisions.select_related("saved_by")
        context = self._context(request, post, f"Revisions of “{post}”", revisions=revisions)
        return TemplateResponse(request, "admin/blog/post/revisions.html", context)

    def revision_compare_view(self, request, object_id):
        """What changed from revision ``a`` to revision ``b`` (or to the current text, without ``b``).

        Template ``admin/blog/post/revision_compare.html``, context ``older``, ``newer``, ``changes``.
        """
        post = self._post_for_revisions(request, object_id)
        older = self._revision_from_query(request, post, "a")
        newer = self._revision_from_query(request, post, "b") if request.GET.get("b") else post
        if older is None or newer is None:
            messages.error(request, "Choose two revisions of this post to compare.")
            return HttpResponseRedirect(reverse("admin:blog_post_revisions", args=[post.pk]))
        context = self._context(
            request,
            post,
            f"Changes to “{post}”",
            older=older,
            newer=newer,
            newer_is_current=newer is post,
            changes=diff_texts(older, newer),
        )
        return TemplateResponse(request, "admin/blog/post/revision_compare.html", context)

    def revision_restore_view(self, request, object_id, revision_id):
        """GET asks to confirm (showing what would change); POST restores the revision.

        Template ``admin/blog/post/revision_restore.html``.
        """
        post = self._post_for_revisions(request, object_id, restore=True)
        revision = get_object_or_404(post.revisions, pk=revision_id)
        if request.method == "POST":
            try:
                post_restore_revision(revision=revision, user=request.user)
            except ValidationError as error:
                messages.error(request, "This revision cannot be restored: " + " ".join(error.messages))
                return HttpResponseRedirect(reverse("admin:blog_post_revisions", args=[post.pk]))
            messages.success(request, f"Restored {revision}. The text it replaced is kept as a revision.")
            return HttpResponseRedirect(reverse("admin:blog_post_change", args=[post.pk]))
        context = self._context(
            request, post, f"Restore “{revision}”?", revision=revision, changes=diff_texts(post, revision)
        )
        return TemplateResponse(request, "admin/blog/post/revision_restore.html", context)

    def _revision_from_query(self, request, post, name):
        value = request.GET.get(name, "")
        if not value.isdigit():
            return None
        return post.revisions.select_related("saved_by").filter(pk=int(value)).first()
