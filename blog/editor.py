"""markdownx's preview and upload endpoints, answering only staff who may write posts.

These wrap markdownx's own views under ``/markdownx/`` (the paths its widget
calls). Anyone else gets 403; CSRF protection stays on. Uploads are checked
by content, not by the type the browser claims, against
``MARKDOWNX_UPLOAD_MAX_SIZE``, ``MARKDOWNX_UPLOAD_CONTENT_TYPES`` and
``MARKDOWNX_UPLOAD_MAX_PIXELS``, and decoded whole before anything is saved:
a file that is not an image, a truncated one, or a decompression bomb (a small
file claiming a huge picture) is a 400 naming the problem, never a 500.
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import path
from markdownx.exceptions import MarkdownxImageUploadError
from markdownx.forms import ImageForm
from markdownx.views import ImageUploadView, MarkdownifyView
from PIL import Image

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


class StaffMarkdownifyView(StaffOnlyMixin, MarkdownifyView):
    """Live preview of a post body (POST ``content``); answers HTML."""

    def post(self, request, *args, **kwargs):
        if "content" not in request.POST:
            return HttpResponseBadRequest("Send the Markdown to preview as “content”.")
        return super().post(request, *args, **kwargs)


def max_pixels() -> int:
    """The most pixels (width × height) an uploaded image may have (``MARKDOWNX_UPLOAD_MAX_PIXELS``)."""
    return settings.MARKDOWNX_UPLOAD_MAX_PIXELS


def _megapixels(pixels: int) -> str:
    if pixels >= 1_000_000:
        return f"{pixels / 1_000_000:,.1f}".removesuffix(".0")
    return f"{pixels / 1_000_000:.3g}"


class PixelLimitedImageField(forms.ImageField):
    """An image field that names the pixel limit, where Pillow's bomb check says only "invalid"."""

    def to_python(self, data):
        try:
            # Pillow warns between its own limit and twice it; this field refuses such images anyway.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                upload = super().to_python(data)
        except forms.ValidationError as error:
            if isinstance(error.__cause__, Image.DecompressionBombError):
                raise forms.ValidationError(_too_many_pixels(), code="too_many_pixels") from None
            raise
        if upload is not None:
            width, height = upload.image.size
            if width * height > max_pixels():
                raise forms.ValidationError(_too_many_pixels(width, height), code="too_many_pixels")
        return upload


def _too_many_pixels(width=None, height=None) -> str:
    limit = f"the limit is {_megapixels(max_pixels())} megapixels (MARKDOWNX_UPLOAD_MAX_PIXELS)"
    if width is None:
        return f"The image has far more pixels than allowed; {limit}."
    return f"The image is {width:,} × {height:,} pixels ({_megapixels(width * height)} megapixels); {limit}."


class ImageUploadForm(ImageForm):
    """markdownx's upload form, judging the file by what Pillow finds in it."""

    image = PixelLimitedImageField(label="image")

    def clean(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            raise MarkdownxImageUploadError.not_uploaded()
        if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
            raise MarkdownxImageUploadError.invalid_size(
                current=upload.size, expected=settings.MARKDOWNX_UPLOAD_MAX_SIZE
            )
        content_type = Image.MIME.get(upload.image.format)
        if content_type not in settings.MARKDOWNX_UPLOAD_CONTENT_TYPES:
            raise MarkdownxImageUploadError.unsupported_format()
        # Pillow's verify() reads a PNG's chunks but not a JPEG's data: decode the whole
        # picture (within the pixel limit) so a truncated file is refused here, not in save().
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            self.add_error("image", "The image is truncated or damaged; it cannot be read.")
            return upload
        finally:
            upload.seek(0)
        # markdownx saves by the declared type; make it the real one.
        upload.content_type = content_type
        return upload


class StaffImageUploadView(StaffOnlyMixin, ImageUploadView):
    """Image upload from the editor; answers JSON ``{"image_code": …}`` or 4xx with the errors."""

    form_class = ImageUploadForm

    def post(self, request, *args, **kwargs):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit():
            return JsonResponse({"image": ["Content-Length is not a number."]}, status=400)
        if int(length) > settings.MARKDOWNX_UPLOAD_MAX_SIZE + UPLOAD_OVERHEAD:
            limit = settings.MARKDOWNX_UPLOAD_MAX_SIZE // 1024
            return JsonResponse({"image": [f"The file is too large; the limit is {limit} KB."]}, status=413)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return JsonResponse(form.errors, status=400)

    def form_valid(self, form):
        return JsonResponse({"image_code": f"![]({form.save(commit=True)})"})


urlpatterns = [
    path("upload/", StaffImageUploadView.as_view(), name="markdownx_upload"),
    path("markdownify/", StaffMarkdownifyView.as_view(), name="markdownx_markdownify"),
]
