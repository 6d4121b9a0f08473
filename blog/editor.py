"""markdownx's preview and upload endpoints, answering only staff who may write posts.

They sit under ``/markdownx/`` (the paths its widget calls). Anyone else gets
403; CSRF protection stays on. Uploads are checked by content, not by the
type the browser claims, against ``BLOG_IMAGE_MAX_BYTES``,
``MARKDOWNX_UPLOAD_CONTENT_TYPES`` and ``BLOG_IMAGE_MAX_PIXELS``, and decoded
whole before anything is saved: a file that is not an image, a truncated one,
or a decompression bomb (a small file claiming a huge picture) is a 4xx
naming the problem, never a 500. What is kept is a clean copy without
metadata, in a dated folder (``blog.images``).
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import path
from django.views import View
from markdownx.views import MarkdownifyView
from markdownx.widgets import AdminMarkdownxWidget
from PIL import Image

from blog import conf
from blog.images import store_image

# Multipart framing around the file; a request bigger than the limit plus
# this is refused before the file is read.
UPLOAD_OVERHEAD = 64 * 1024


def may_write_posts(user) -> bool:
    may_edit = user.has_perm("blog.add_post") or user.has_perm("blog.change_post")
    return user.is_active and user.is_staff and may_edit


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_write_posts(request.user):
            raise PermissionDenied("Only staff who write posts may use the editor.")
        return super().dispatch(request, *args, **kwargs)


class BodyWidget(AdminMarkdownxWidget):
    """markdownx's admin editor, its preview beside it in a frame holding the public stylesheets only
    (the admin's styles cannot reach it), ``@`` completion of source keys, and the image panel."""

    template_name = "blog/widgets/body.html"  # in the app, where the form renderer looks

    class Media:
        js = ["admin/blog/editor-preview.js", "admin/blog/editor-sources.js", "admin/blog/editor-images.js"]
        css = {"all": ["admin/blog/editor.css", "admin/blog/editor-images.css"]}

    def get_context(self, name, value, attrs=None):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_document"] = render_to_string(
            "admin/blog/post/includes/preview_document.html"
        )
        return context


class StaffMarkdownifyView(StaffOnlyMixin, MarkdownifyView):
    """Live preview of a post body (POST ``content``); answers HTML."""

    def post(self, request, *args, **kwargs):
        if "content" not in request.POST:
            return HttpResponseBadRequest("Send the Markdown to preview as “content”.")
        return super().post(request, *args, **kwargs)


def max_pixels() -> int:
    """The most pixels an uploaded image may have, over all its frames (``BLOG_IMAGE_MAX_PIXELS``)."""
    return conf.get("IMAGE_MAX_PIXELS")


def max_bytes() -> int:
    """The largest image file the editor accepts (``BLOG_IMAGE_MAX_BYTES``)."""
    return conf.get("IMAGE_MAX_BYTES")


def _megapixels(pixels: int) -> str:
    if pixels >= 1_000_000:
        return f"{pixels / 1_000_000:,.1f}".removesuffix(".0")
    return f"{pixels / 1_000_000:.3g}"


def _too_many_pixels(width=None, height=None, frames=1) -> str:
    limit = f"the limit is {_megapixels(max_pixels())} megapixels (BLOG_IMAGE_MAX_PIXELS)"
    if width is None:
        return f"The image has far more pixels than allowed; {limit}."
    pixels = width * height * frames
    shape = f"{width:,} × {height:,} pixels" + (f" in {frames:,} frames" if frames > 1 else "")
    return f"The image is {shape} ({_megapixels(pixels)} megapixels); {limit}."


def _too_large(size: int) -> str:
    limit = filesizeformat(max_bytes())
    return f"The file is {filesizeformat(size)}; the limit is {limit} (BLOG_IMAGE_MAX_BYTES)."


class ImageUploadForm(forms.Form):
    """An image from the editor, judged by what Pillow finds in it and decoded whole before it is kept."""

    image = forms.FileField(label="image")

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if upload.size > max_bytes():
            raise forms.ValidationError(_too_large(upload.size), code="too_large")
        try:
            # Pillow warns between its own limit and twice it; the limit below refuses such images anyway.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(upload)
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
        except Image.DecompressionBombError:
            raise forms.ValidationError(_too_many_pixels(), code="too_many_pixels") from None
        except (OSError, SyntaxError, ValueError):
            raise forms.ValidationError(
                "The file is not an image (JPEG, PNG, GIF or WebP) that can be read.", code="not_an_image"
            ) from None
        if width * height * frames > max_pixels():
            raise forms.ValidationError(_too_many_pixels(width, height, frames), code="too_many_pixels")
        if Image.MIME.get(image.format) not in settings.MARKDOWNX_UPLOAD_CONTENT_TYPES:
            types = settings.MARKDOWNX_UPLOAD_CONTENT_TYPES
            allowed = ", ".join(sorted(kind.removeprefix("image/").upper() for kind in types))
            raise forms.ValidationError(
                f"{image.format} images are not accepted; upload {allowed}.", code="unsupported_format"
            )
        # Decode the whole picture (within the pixel limit) so a truncated file is refused here.
        try:
            image.load()
            self.picture = image
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise forms.ValidationError(
                "The image is truncated or damaged; it cannot be read.", code="damaged"
            ) from None
        return upload

    def save(self) -> str:
        """Store a clean copy of the image; returns its URL."""
        return store_image(self.cleaned_data["image"], self.picture)


class StaffImageUploadView(StaffOnlyMixin, View):
    """Image upload from the editor (POST ``image``).

    Answers JSON: ``{"image_code": "![](url)", "url": …, "name": …}``, or a 4xx
    with ``{"image": [reasons]}``, which the editor's script shows beside the text.
    """

    def post(self, request, *args, **kwargs):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit():
            return JsonResponse({"image": ["Content-Length is not a number."]}, status=400)
        if int(length) > max_bytes() + UPLOAD_OVERHEAD:
            return JsonResponse({"image": [_too_large(int(length))]}, status=413)
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            status = 413 if form.has_error("image", "too_large") else 400
            return JsonResponse(form.errors, status=status)
        url = form.save()
        name = form.cleaned_data["image"].name
        return JsonResponse({"image_code": f"![]({url})", "url": url, "name": name})


urlpatterns = [
    path("upload/", StaffImageUploadView.as_view(), name="markdownx_upload"),
    path("markdownify/", StaffMarkdownifyView.as_view(), name="markdownx_markdownify"),
]
