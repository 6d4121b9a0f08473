"""The editor's live preview: the public page's pipeline, with the library's sources.

``MARKDOWNX_MARKDOWNIFY_FUNCTION`` points at ``markdownify``. Problems the
pipeline reports (an unknown ``@key``, an empty attribution, malformed
dialect) are listed above the preview, as the form will list them on save.
"""

from django.template.loader import render_to_string

from blog.models import render_body


def markdownify(text: str) -> str:
    """The post's HTML exactly as the public page will show it, after a list of any problems."""
    rendering = render_body(text)
    return render_to_string("blog/includes/live_preview.html", {"rendering": rendering})
