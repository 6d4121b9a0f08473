"""Public views of the blog: lists, archives, tags, authors, search, posts and pages.

Every list starts from ``Post.objects.published()``, so drafts and scheduled
posts never reach the public.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.generic.dates import ArchiveIndexView, MonthArchiveView, YearArchiveView

from blog import cards, cite, hooks, lists
from blog.lists import ListPaginator
from blog.models import Excerpt, Page, Post, Tag
from blog.permissions import posts_visible_to
from blog.search import SearchForm, search_posts, snippet_segments
from blog.selectors import (
    adjacent_posts,
    archive_months,
    citing_posts,
    count_published_posts,
    related_posts,
    renamed_post,
    tags_in_use,
)
from blog.seo import post_description, post_json_ld
from citations import views as citations_views

POSTS_PER_PAGE = 10
TAGS_PER_PAGE = 100
CITING_POSTS_PER_PAGE = 20


def listed_posts():
    """Published posts with what a list shows (author, tags) fetched up front.

    Pages show the stored HTML, never the Markdown or the search document,
    which can be as long again. The key breaks ties of date, so pages never
    share or lose a post; ``blog_post_published`` indexes this order.
    """
    return (
        Post.objects.published()
        .order_by("-publish_at", "-pk")
        .defer("body", "search_document")
        .select_related("author")
        .prefetch_related("tags")
    )


def listed_page(request, posts, count_name=None):
    """The page of ``posts`` the request asks for, with what other apps show fetched (``blog.hooks``).

    ``count_name`` names the list for its cached count (``blog.lists``); without it the count is fresh.
    """
    paginator = ListPaginator(posts, POSTS_PER_PAGE, count_name=count_name)
    page_obj = paginator.get_page(request.GET.get("page"))
    hooks.prepare_posts(page_obj)
    return page_obj


def post_list(request):
    """The newest published posts. Template ``blog/post_list.html``, context ``page_obj``."""
    return render(request, "blog/post_list.html", {"page_obj": listed_page(request, listed_posts(), "home")})


def post_detail(request, year, month, day, slug):
    """One post by its permalink; an address with the wrong date or an old slug redirects to the right one.

    Template ``blog/post_detail.html``, context ``post``, ``description`` (for
    the meta tags), ``json_ld`` (the schema.org ``BlogPosting``), ``citation``
    (the post in the site's style), ``citation_meta`` (the ``citation_*`` tags)
    ``citation_downloads`` (label and address of each file), ``card_url`` (its social card),
    ``adjacent`` (the previous and next posts, either None) and ``related_posts``.
    """
    post = listed_posts().filter(slug=slug).first()
    if post is None:
        renamed = renamed_post(slug)
        if renamed is None:
            raise Http404("No post at this address.")
        return redirect(renamed, permanent=True)
    if not dated(post, year, month, day):
        return redirect(post, permanent=True)
    context = {
        "post": post,
        "description": post_description(post),
        "json_ld": post_json_ld(post),
        "citation": cite.citation_html(post),
        "citation_meta": cite.meta_tags(post),
        "citation_downloads": cite.downloads(post),
        "card_url": cards.card_url(post),
        "adjacent": adjacent_posts(post),
        "related_posts": related_posts(post),
    }
    return render(request, "blog/post_detail.html", context)


def dated(post, year, month, day):
    """Whether the address's date is the post's.

    Slugs are unique: the date in the address is only checked, and a wrong
    one (an old link to a post whose date changed) is sent to the right one.
    """
    published_on = timezone.localdate(post.publish_at)
    return (published_on.year, published_on.month, published_on.day) == (year, month, day)


def post_cite(request, year, month, day, slug, extension):
    """A post's citation as a BibTeX, CSL-JSON or RIS file (``blog.cite``), downloaded by name."""
    post = get_object_or_404(
        Post.objects.published().defer("body", "search_document").select_related("author"), slug=slug
    )
    if not dated(post, year, month, day):
        return redirect(post.get_cite_url(extension), permanent=True)
    text, content_type, filename = cite.citation_file(post, extension)
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def post_card(request, year, month, day, slug):
    """A post's social card (``blog.cards``), with an ETag of what it is drawn from.

    Served as a file: long-lived (its address in the page's ``og:image``
    carries the same stamp), and never held by the page cache, which keeps pages.
    """
    fields = ("title", "slug", "summary", "publish_at", "updated", "rendered_with")
    post = get_object_or_404(Post.objects.published().only(*fields), slug=slug)
    if not dated(post, year, month, day):
        return redirect(post.get_card_url(), permanent=True)
    etag = f'"{cards.stamp(post)}"'
    if (not_modified := get_conditional_response(request, etag=etag)) is not None:
        return not_modified
    name = cards.stored_card(post, lambda: first_quotation(post))
    response = FileResponse(default_storage.open(name), content_type="image/png")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=cards.MAX_AGE)
    return response


def first_quotation(post):
    """The text of the post's first excerpt, else its description."""
    text = Excerpt.objects.filter(post=post).order_by("position").values_list("text", flat=True).first()
    return " ".join((text or post_description(post)).split())


def page_detail(request, slug):
    """A published page by slug; a draft is a 404. Template ``blog/page_detail.html``, context ``page``."""
    page = get_object_or_404(Page.objects.published().defer("body"), slug=slug)
    return render(request, "blog/page_detail.html", {"page": page})


@never_cache
@staff_member_required
def post_preview(request, pk):
    """Staff see a post they may edit, draft or scheduled, on the public template with a preview banner.

    Authors see only their own posts here, editors everyone's; any other post
    is a 404, as if it did not exist. Template ``blog/post_preview.html``,
    context ``post`` and ``description``.
    """
    if not request.user.has_perm("blog.view_post"):
        raise PermissionDenied("You may not view posts.")
    post = get_object_or_404(posts_visible_to(request.user).select_related("author"), pk=pk)
    return render(request, "blog/post_preview.html", {"post": post, "description": post_description(post)})


class SourceDetailView(citations_views.SourceDetailView):
    """A source's page, extended with the published posts that cite or quote it.

    Template ``blog/source_detail.html`` (fills ``citations/source_detail.html``'s
    ``cited_in`` block); context adds ``citing_posts``, a page of them, also as ``page_obj``.
    """

    template_name = "blog/source_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(citing_posts(self.object), CITING_POSTS_PER_PAGE)
        context["citing_posts"] = context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
        return context


class PublishedDates:
    """What the archive views share: published posts by publish date, paginated."""

    date_field = "publish_at"
    allow_future = False
    allow_empty = False
    paginate_by = POSTS_PER_PAGE
    paginator_class = ListPaginator
    month_format = "%m"

    def get_queryset(self):
        return listed_posts()

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, count_name=self.count_name(), **kwargs)

    def count_name(self):
        """The name the list's count is cached under (``blog.lists``)."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("page_obj") is not None:
            hooks.prepare_posts(context["page_obj"])
        return context


class ArchiveIndex(PublishedDates, ArchiveIndexView):
    """Every month with posts, by year. Template ``blog/post_archive.html``, context ``date_list``."""

    allow_empty = True
    date_list_period = "month"
    paginate_by = None
    template_name = "blog/post_archive.html"

    def get_dated_items(self):
        # The index lists months, not posts: none are fetched, and the months are cached.
        return archive_months(), Post.objects.none(), {}


class YearArchive(PublishedDates, YearArchiveView):
    """Posts of one year. Template ``blog/post_archive_year.html``, context ``page_obj``, ``date_list``."""

    make_object_list = True

    def count_name(self):
        return f"year:{self.get_year()}"


class MonthArchive(PublishedDates, MonthArchiveView):
    """Posts of one month. Template ``blog/post_archive_month.html``, context ``page_obj``, ``month``."""

    def count_name(self):
        return f"month:{self.get_year()}-{self.get_month()}"


def tag_list(request):
    """Tags with published posts, by name, a page at a time, each with its count of posts.

    Template ``blog/tag_list.html``, context ``page_obj`` (of tags, each with ``post_count``).
    """
    now = timezone.now()
    page_obj = ListPaginator(tags_in_use(now), TAGS_PER_PAGE, count_name="tags").get_page(
        request.GET.get("page")
    )
    # The counts only decorate the page, and summing a busy tag's posts grows with the archive.
    page_obj.object_list = lists.cached(
        f"tags:page:{page_obj.number}", lambda: count_published_posts(page_obj.object_list, now)
    )
    return render(request, "blog/tag_list.html", {"page_obj": page_obj})


def tag_detail(request, slug):
    """Published posts under one tag. Template ``blog/tag_detail.html``, context ``tag``, ``page_obj``."""
    tag = get_object_or_404(Tag, slug=slug)
    page_obj = listed_page(request, listed_posts().filter(tags=tag), f"tag:{tag.pk}")
    return render(request, "blog/tag_detail.html", {"tag": tag, "page_obj": page_obj})


def author_detail(request, username):
    """Published posts by one author.

    Template ``blog/author_detail.html``, context ``author`` (with ``author_profile``, when they wrote
    one) and ``page_obj``.
    """
    author = get_object_or_404(get_user_model().objects.select_related("author_profile"), username=username)
    page_obj = listed_page(request, listed_posts().filter(author=author), f"author:{author.pk}")
    if not page_obj.paginator.count:
        raise Http404("No published posts by this author.")
    return render(request, "blog/author_detail.html", {"author": author, "page_obj": page_obj})


def search(request):
    """Search published posts.

    Template ``blog/search.html``, context ``form``, ``query`` and, for a
    valid query, ``page_obj`` whose posts carry ``segments`` (the snippet).
    """
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "page_obj": None}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        results = search_posts(listed_posts(), query)
        page_obj = listed_page(request, results)
        for post in page_obj:
            post.segments = snippet_segments(post, query)
        context.update(query=query, page_obj=page_obj)
    return render(request, "blog/search.html", context)
