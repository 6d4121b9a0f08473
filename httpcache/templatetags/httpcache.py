"""``{% surrogate_keys %}``: add the keys of every object in the page's context to the request's."""

from django import template

from httpcache import keys

register = template.Library()


@register.simple_tag(takes_context=True)
def surrogate_keys(context):
    """Renders nothing; the objects the page shows (``keys.of_value``) name the page's keys."""
    request = context.get("request")
    if request is not None:
        for scope in context.dicts:
            for value in scope.values():
                keys.add(request, *keys.of_value(value))
    return ""
