"""The editor's live preview: the public page's pipeline, with the library's sources.

``MARKDOWNX_MARKDOWNIFY_FUNCTION`` points at ``markdownify``. Problems the
pipeline reports (an unknown ``@key``, an empty attribution, malformed
dialect) are listed above the preview, as the form will list them on save,
with the warning about the quoted share that saving to publish gives.
"""

from django.template.loader import render_to_string

from blog.fair_use import quoted_share_warning
from blog.models import render_body


def markdownify(text: str) -> str:
    """The post's HTML exactly as the public page will show it, after a list of any problems."""
    rendering = render_body(text)
    warning = quoted_share_warning(rendering.word_count, rendering.quoted_word_count)
    return render_to_string("blog/includes/live_preview.html", {"rendering": rendering, "warning": warning})
