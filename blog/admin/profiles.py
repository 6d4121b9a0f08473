"""Author profiles in the admin: each author edits their own bio and photo; superusers anyone's."""

from django import forms
from django.contrib import admin
from django.core.files.base import ContentFile
from django.shortcuts import redirect

from blog.editor import ImageUploadForm
from blog.images import clean_copy
from blog.models import AuthorProfile


class AuthorProfileForm(forms.ModelForm):
    class Meta:
        model = AuthorProfile
        fields = ["user", "bio", "photo", "photo_alt"]

    def clean_photo(self):
        """A new photo is judged as the editor's images are, and kept as a clean copy without metadata."""
        photo = self.cleaned_data.get("photo")
        if not photo or photo == self.initial.get("photo"):
            return photo
        upload = ImageUploadForm(files={"image": photo})
        if not upload.is_valid():
            raise forms.ValidationError(upload.errors["image"])
        return ContentFile(clean_copy(upload.picture), name=photo.name)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt", "").strip():
            self.add_error("photo_alt", "Describe the photo for readers who cannot see it.")
        return cleaned


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    form = AuthorProfileForm
    list_display = ["__str__", "user"]

    def get_queryset(self, request):
        profiles = super().get_queryset(request).select_related("user")
        return profiles if request.user.is_superuser else profiles.filter(user=request.user)

    def get_fields(self, request, obj=None):
        fields = ["bio", "photo", "photo_alt"]
        return ["user", *fields] if request.user.is_superuser else fields

    def add_view(self, request, form_url="", extra_context=None):
        """An author who has a profile already is sent to it: each keeps one."""
        if not request.user.is_superuser:
            mine = AuthorProfile.objects.filter(user=request.user).first()
            if mine is not None:
                return redirect("admin:blog_authorprofile_change", mine.pk)
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.user = request.user
        super().save_model(request, obj, form, change)
