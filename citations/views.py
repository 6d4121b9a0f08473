"""Public views of the source library."""

from django.shortcuts import get_object_or_404, render

from citations.models import Source


def source_list(request):
    """Every source, by key. Template ``citations/source_list.html``, context ``sources``."""
    return render(request, "citations/source_list.html", {"sources": Source.objects.all()})


def source_detail(request, key):
    """One source. Template ``citations/source_detail.html``, context ``source``."""
    source = get_object_or_404(Source, key=key)
    return render(request, "citations/source_detail.html", {"source": source})
