"""The admin's upload form for a WordPress export."""

from django import forms
from django.template.defaultfilters import filesizeformat

from blog.permissions import assignable_authors
from wordpress import conf


def max_upload_size() -> int:
    """The largest export the admin accepts; larger ones belong to ``manage.py import_wxr``."""
    return conf.get("IMPORT_MAX_UPLOAD_SIZE")


def max_request_bytes() -> int:
    """The largest upload request: the export with room for the form around it."""
    return max_upload_size() + 64 * 1024


class ImportForm(forms.Form):
    export = forms.FileField(
        label="WordPress export",
        help_text="The .xml file from WordPress's Tools › Export (all content).",
    )
    assign_to = forms.ModelChoiceField(
        label="Assign posts to",
        queryset=None,
        required=False,
        empty_label="New accounts for the export's authors",
        help_text="Whose name the imported posts, and the export's authors' comments, carry. New accounts "
        "cannot sign in; an export naming a staff member's login or email never reaches their account.",
    )
    media = forms.BooleanField(
        label="Copy media",
        required=False,
        help_text="Download the images posts use, and the attachments, from the old site into this site's "
        "storage.",
    )
    dry_run = forms.BooleanField(
        label="Dry run", required=False, help_text="Show what the import would do, and save nothing."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts the importing user may publish as: a forged id is "not one of the choices".
        self.fields["assign_to"].queryset = assignable_authors(user)

    def clean_export(self):
        export = self.cleaned_data["export"]
        if export.size > max_upload_size():
            raise forms.ValidationError(
                f"The file is {filesizeformat(export.size)}; the limit here is "
                f"{filesizeformat(max_upload_size())}. Import larger exports with "
                "“python manage.py import_wxr FILE”."
            )
        return export
