"""Formatting helpers for the reading site's templates."""

import json
import re
from urllib.parse import urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

from blog import hooks, seo
from blog.rendering.excerpts import after_excerpts
from citations.styles.text import LOCATOR_LABEL, pages

register = template.Library()


@register.filter
def absolute(path):
    """A site path as an absolute URL on ``settings.SITE_URL``."""
    return seo.absolute_url(str(path))


@register.filter
def opening(html, words=60):
    """The opening words of a rendered post as plain text, for lists."""
    return seo.opening_words(html, words)


# Page numbers alone: arabic or roman, single or in ranges and lists ("22", "3-5", "xi, 4").
_PAGE_NUMBERS = re.compile(r"^[\divxlc]+(?:\s*(?:-{1,2}|–|,)\s*[\divxlc]+)*$", re.IGNORECASE)


@register.filter
def locator(text):
    """A quotation's locator as the style writes it outside a note: "p. 22", "pp. 3–5" (ranges
    abbreviated); a locator with another label ("chap. 3", "at 1:02:15") as written."""
    text = str(text or "").strip()
    numbers = LOCATOR_LABEL.sub("", text)
    if not _PAGE_NUMBERS.match(numbers):
        return text
    numbers = pages(numbers)
    return f"{'pp.' if re.search('[–,]', numbers) else 'p.'} {numbers}"


@register.simple_tag
def json_ld(data):
    """``data`` as a JSON-LD script element, escaped exactly like Django's ``json_script``.

    ``json_script`` only writes ``type="application/json"``; the escaping (every
    ``<``, ``>`` and ``&`` as a Unicode escape) is what makes this safe.
    """
    escaped = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current path with ``page`` set to ``number``, other query parameters kept."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute canonical URL of this page: its path, plus ``page`` past the first."""
    request = context["request"]
    page_obj = context.get("page_obj")
    url = seo.absolute_url(request.path)
    if page_obj is not None and page_obj.number > 1:
        url += f"?page={page_obj.number}"
    return url


@register.simple_tag(takes_context=True)
def post_canonical_url(context, post):
    """The absolute canonical URL of ``post``'s page, and what pages it (``hooks.canonical_queries``)."""
    query = {}
    for canonical_query in hooks.canonical_queries:
        query.update(canonical_query(context["request"], post))
    url = seo.absolute_url(post.get_absolute_url())
    return f"{url}?{urlencode(sorted(query.items()))}" if query else url


@register.simple_tag
def post_body(post):
    """The post's stored HTML, with what other apps say under its excerpts (``blog.hooks.excerpt_notes``)."""
    notes = {}
    for notes_of in hooks.excerpt_notes:
        for position, html in notes_of(post).items():
            notes[position] = notes.get(position, "") + html
    return mark_safe(after_excerpts(post.body_html, notes))


@register.simple_tag(takes_context=True)
def post_sections(context):
    """The sections other apps show after a post's body (``blog.hooks.post_sections``), with this context."""
    return _render_each(context, hooks.post_sections)


@register.simple_tag(takes_context=True)
def summary_extras(context):
    """What other apps show in a post's summary (``blog.hooks.summary_extras``), with this context."""
    return _render_each(context, hooks.summary_extras)


@register.simple_tag(takes_context=True)
def head_links(context):
    """The ``<link>`` elements other apps add to a page's head (``blog.hooks.head_links``)."""
    return _render_each(context, hooks.head_links)


def _render_each(context, template_names):
    # As {% include %} renders: the same context, templates from the same engine (and its cache).
    engine = context.template.engine
    return mark_safe("".join(engine.get_template(name).render(context) for name in template_names))
