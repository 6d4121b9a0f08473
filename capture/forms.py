"""Forms of the desk: a page to capture, an identifier to resolve."""

from django import forms

from capture import resolvers


class CaptureForm(forms.Form):
    url = forms.URLField(
        label="Address of the page",
        max_length=1000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 80}),
    )
    quote = forms.CharField(
        label="Passage",
        required=False,
        max_length=20_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="The words to quote, as selected on the page (optional). Blank lines separate paragraphs.",
    )
    title = forms.CharField(
        label="Page title",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Used for the source if the page cannot be read.",
    )


class ResolveForm(forms.Form):
    identifier = forms.CharField(
        label="DOI, ISBN or address",
        max_length=1000,
        widget=forms.TextInput(attrs={"size": 80, "autofocus": True}),
        help_text="10.1000/xyz123, 978-0-14-044913-6 or https://example.com/article",
    )

    def clean_identifier(self):
        identifier = self.cleaned_data["identifier"].strip()
        if not any(resolver.recognise(identifier) for resolver in resolvers.RESOLVERS):
            raise forms.ValidationError(
                "Give a DOI (10.…), an ISBN (10 or 13 digits) or an address starting with http(s)://."
            )
        return identifier
