"""Forms for the source library's admin: names as text, and a file to import."""

from django import forms
from django.db import models
from django.template.defaultfilters import filesizeformat

from citations import conf, csl, formats
from citations.models import Source


def import_max_bytes():
    """The largest file the admin accepts for import (``CITATIONS_IMPORT_MAX_BYTES``)."""
    return conf.get("IMPORT_MAX_BYTES")


class NamesField(forms.CharField):
    """CSL names edited as text, one a line: "Family, Given" or an organisation."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 60})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return csl.names_to_text(value) if isinstance(value, list) else value

    def to_python(self, value):
        return csl.names_from_text(super().to_python(value))


def https_formfield(field, **kwargs):
    """A model field's form field, links assumed https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SourceAdminForm(forms.ModelForm):
    authors = NamesField(label="Authors", help_text=Source._meta.get_field("authors").help_text)
    editors = NamesField(label="Editors", help_text=Source._meta.get_field("editors").help_text)

    class Meta:
        model = Source
        fields = ["key", *Source.RECORD_FIELDS]
        formfield_callback = https_formfield


class ImportForm(forms.Form):
    """A CSL-JSON or BibTeX file to import into the library."""

    file = forms.FileField(label="File", help_text="CSL-JSON (.json, as Zotero exports it) or BibTeX (.bib).")
    format = forms.ChoiceField(
        label="Format",
        choices=[("", "From the file name"), ("csl-json", "CSL-JSON"), ("bibtex", "BibTeX")],
        required=False,
    )
    strict = forms.BooleanField(
        label="All or nothing",
        required=False,
        help_text="Import nothing if a record cannot be read (otherwise bad ones are skipped and listed).",
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > import_max_bytes():
            size, limit = filesizeformat(upload.size), filesizeformat(import_max_bytes())
            self.add_error("file", f"The file is {size}; the limit is {limit} (CITATIONS_IMPORT_MAX_BYTES).")
            return cleaned
        cleaned["format"] = cleaned.get("format") or formats.format_for_filename(upload.name)
        if not cleaned["format"]:
            raise forms.ValidationError("Choose a format: the file name ends neither in .json nor in .bib.")
        return cleaned
