"""The public comment form and the edit form.

The comment form holds nothing per visitor or per moment: it sits in post
pages that every anonymous reader shares, and caches keep. It once carried a
signed timestamp, so a form sent within ``COMMENTS_MIN_SECONDS`` of being
served was spam; but a timestamp in a shared page dates the page, not the
visitor's reading of it (a bot fetching a page cached a minute ago would pass
at once), and it made every rendering of a page differ. The rule is dropped:
the honeypot, the rate limits per address and network (``comments.ratelimit``)
and moderation's holds do that work.

Single-line fields lose invisible and direction-changing characters on the way
in, and a body must have something visible in it (``comments.text``).
"""

from urllib.parse import urlsplit

from django import forms
from django.core.validators import MaxLengthValidator

from blog.rendering.limits import over_formatting
from comments import conf, text
from comments.models import Comment


class LineMixin:
    """A one-line field: invisible and direction-changing characters out, control characters as spaces."""

    def to_python(self, value):
        return super().to_python(text.clean_line(value) if isinstance(value, str) else value)


class LineField(LineMixin, forms.CharField):
    pass


class LineEmailField(LineMixin, forms.EmailField):
    pass


class LineURLField(LineMixin, forms.URLField):
    pass


class BodyField(forms.CharField):
    """A comment body: required, stripped, no NUL bytes, within the length and formatting limits."""

    widget = forms.Textarea(attrs={"rows": 6})
    FORMATTING = "Paragraphs, *emphasis*, **strong**, [links](https://…), > quotes and `code`."

    def __init__(self, **kwargs):
        super().__init__(
            label="Comment",
            help_text=self.FORMATTING,
            error_messages={"required": "Please write a comment before sending it."},
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value and not text.has_visible(value):
            raise forms.ValidationError(
                "This comment has nothing a reader could see, only spaces or invisible characters. "
                "Please write some text and send it again.",
                code="invisible",
            )
        # Counted, not rendered: linear in the text, whatever it holds.
        if value and (too_much := over_formatting(value, conf.render_limits())):
            raise forms.ValidationError(too_much, code="formatting")

    def limit_to(self, limit):
        """Apply the length limit in force now (a setting, so it is read per form, not at import)."""
        self.max_length = limit
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]
        self.validators.append(MaxLengthValidator(limit))
        self.widget.attrs["maxlength"] = limit
        paragraphs = conf.get("MAX_PARAGRAPHS")
        self.help_text = f"{self.FORMATTING} Up to {limit:,} characters in {paragraphs:,} paragraphs."


class CommentForm(forms.Form):
    """A new comment or reply. ``post`` is the post it is for."""

    name = LineField(label="Name", max_length=100)
    email = LineEmailField(label="Email", help_text="Never shown; used to recognise you and for replies.")
    website = LineURLField(label="Website", required=False, max_length=500, assume_scheme="https")
    body = BodyField()
    notify = forms.BooleanField(label="Email me when someone replies", required=False)
    remember = forms.BooleanField(label="Remember my name, email and website", required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # A field people never see; bots that fill in every input give themselves away.
    homepage = forms.CharField(label="Leave this empty", required=False)

    def __init__(self, *args, post, staff_role="", **kwargs):
        self.post = post
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["body"].limit_to(conf.get("MAX_LENGTH"))
        if staff_role:
            self.sign_as_staff(staff_role)

    def sign_as_staff(self, role):
        """Name and email read-only: a signed-in author, editor or moderator comments as their account."""
        badge = "Author" if role == "author" else "Staff"
        for name in ("name", "email"):
            self.fields[name].widget.attrs["readonly"] = True
        self.fields["name"].help_text = (
            f"You are signed in: your comment is published at once under your account's name, "
            f"marked “{badge}”."
        )

    def clean_website(self):
        url = self.cleaned_data["website"]
        if url and urlsplit(url).scheme.lower() not in {"http", "https"}:
            raise forms.ValidationError("Enter a web address starting with http:// or https://.")
        return url

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if parent_id is None:
            return None
        parent = (
            Comment.objects.approved()
            .filter(pk=parent_id, post=self.post)
            .only("pk", "depth", "parent")
            .first()
        )
        if parent is None:
            # The form comes back without it, so sending it again posts a comment on the post.
            self.data = self.data.copy()
            self.data[self.add_prefix("parent")] = ""
            raise forms.ValidationError(
                "The comment you are replying to is not published on this post; "
                "your text is kept below, send it as a comment on the post instead."
            )
        return parent


class CommentEditForm(forms.Form):
    """The commenter's own edit of their comment's body."""

    body = BodyField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["body"].limit_to(conf.get("MAX_LENGTH"))
