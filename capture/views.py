"""Admin pages of the desk: a new post from a page (and its bookmarklet), a source from an identifier."""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from capture import resolvers, services
from capture.forms import CaptureForm, ResolveForm


def may_capture(user):
    """Capturing writes a draft and may add a source."""
    return user.has_perms(["blog.add_post", "citations.add_source"])


def may_add_sources(user):
    return user.has_perm("citations.add_source")


def bookmarklet(request):
    """A javascript: link sending the page's address, title and selection to the capture form, by GET."""
    target = json.dumps(request.build_absolute_uri(reverse("capture:page")))
    return (
        "javascript:(function(){var s=String(window.getSelection()).slice(0,6000);"
        f"location.href={target}+'?url='+encodeURIComponent(location.href)"
        "+'&title='+encodeURIComponent(document.title)+'&quote='+encodeURIComponent(s);})()"
    )


def page_view(request):
    """Capture a page: GET shows the form filled from the query (the bookmarklet's), POST makes the draft.

    Template ``admin/capture/page_form.html``; context: ``form``, ``bookmarklet``.
    """
    if not may_capture(request.user):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = CaptureForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            captured = services.capture_page(
                url=data["url"], passage=data["quote"], title=data["title"], user=request.user
            )
            if captured.problem:
                messages.warning(
                    request,
                    f"The page could not be read, so the source holds only its address: {captured.problem}",
                )
            verb = "Added" if captured.created_source else "Found"
            messages.success(request, f"{verb} the source [{captured.source.cited_as}]; the draft quotes it.")
            return HttpResponseRedirect(reverse("admin:blog_post_change", args=[captured.post.pk]))
        status = 400
    else:
        form = CaptureForm(
            initial={name: request.GET.get(name, "")[:20_000] for name in ("url", "quote", "title")}
        )
    context = {
        **admin.site.each_context(request),
        "title": "New post from a page",
        "form": form,
        "bookmarklet": bookmarklet(request),
    }
    return TemplateResponse(request, "admin/capture/page_form.html", context, status=status)


def source_view(request):
    """Add a source from a DOI (Crossref), an ISBN (Open Library) or an address (the page's metadata).

    Template ``admin/capture/source_form.html``; context: ``form``. A work already in the
    library is not added twice: the answer is its page.
    """
    if not may_add_sources(request.user):
        raise PermissionDenied
    status = 200
    form = ResolveForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                found = resolvers.resolve(form.cleaned_data["identifier"])
            except resolvers.Unresolved as error:
                form.add_error("identifier", str(error))
            else:
                source = services.find_source(found)
                if source is not None:
                    messages.info(request, f"The library has this work already, as [{source.cited_as}].")
                else:
                    source = services.create_source(found, user=request.user)
                    messages.success(request, f"Added [{source.cited_as}]; check the record below.")
                return HttpResponseRedirect(reverse("admin:citations_source_change", args=[source.pk]))
        status = 400
    context = {
        **admin.site.each_context(request),
        "title": "Add a source by DOI, ISBN or address",
        "form": form,
    }
    return TemplateResponse(request, "admin/capture/source_form.html", context, status=status)
