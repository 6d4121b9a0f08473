"""Public views of the source library.

``SourceDetailView`` is built to be extended: the blog subclasses it, adds
the posts that cite the source in ``get_context_data``, and fills the
template's ``cited_in`` block.
"""

from django.views.generic import DetailView, ListView

from citations.models import Source
from citations.services import store_current
from citations.styles import get_style


class SourceListView(ListView):
    """The library as a bibliography, a page at a time in the style's order (``Source.sort_key``),
    then that page grouped by publication and by author. Entries are the stored ones
    (``Source.entry_html``); those made for another style are made again and stored. Under an
    in-text style the list is the style's reference list of the whole library, headed as the
    style heads it ("References"), its works alike told apart (2019a, 2019b) as in every post.

    Template ``citations/source_list.html``; context ``sources`` (the page's),
    ``page_obj``, ``list_heading``, ``by_publication`` and ``by_author`` (lists of (heading, sources)).
    """

    model = Source
    context_object_name = "sources"
    paginate_by = 100

    def get_queryset(self):
        return Source.objects.order_by("sort_key", "key")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = list(context["sources"])
        store_current(sources)
        style = get_style()
        context["list_heading"] = style.heading if style.kind == "in-text" else "Bibliography"
        context["by_publication"] = Source.objects.group_by_publication(sources)
        context["by_author"] = Source.objects.group_by_author(sources)
        return context


class SourceDetailView(DetailView):
    """One source: its full note, bibliography entry and links.

    Template ``citations/source_detail.html``; context ``source``, ``note``
    (under an in-text style, the citation in the text), ``bibliography_entry``
    and ``in_text`` (whether the site's style is an in-text one). Subclasses
    add to ``get_context_data`` and fill the template's ``cited_in`` block.
    """

    model = Source
    slug_field = "key"
    slug_url_kwarg = "key"
    context_object_name = "source"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        store_current([self.object])
        context["note"] = self.object.stored_note
        context["bibliography_entry"] = self.object.entry
        context["in_text"] = get_style().kind == "in-text"
        return context
