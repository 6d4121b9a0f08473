"""Public views of the blog."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from blog.models import Post
from blog.selectors import citing_posts
from citations.models import Source


def post_list(request):
    """The newest published posts. Template ``blog/post_list.html``, context ``page_obj``."""
    posts = Post.objects.published().select_related("author")
    page_obj = Paginator(posts, 10).get_page(request.GET.get("page"))
    return render(request, "blog/post_list.html", {"page_obj": page_obj})


def post_detail(request, year, month, day, slug):
    """One post by its permalink. Template ``blog/post_detail.html``, context ``post``."""
    post = get_object_or_404(
        Post.objects.published().select_related("author"),
        slug=slug,
        publish_at__year=year,
        publish_at__month=month,
        publish_at__day=day,
    )
    return render(request, "blog/post_detail.html", {"post": post})


@never_cache
@staff_member_required
def post_preview(request, pk):
    """Staff see any post, draft or scheduled, on the public template with a preview banner.

    Template ``blog/post_preview.html``, context ``post``.
    """
    if not request.user.has_perm("blog.view_post"):
        raise PermissionDenied("You may not view posts.")
    post = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    return render(request, "blog/post_preview.html", {"post": post})


def source_detail(request, key):
    """A source's page, extended with the published posts that cite it.

    Template ``blog/source_detail.html`` (extends ``citations/source_detail.html``),
    context ``source`` and ``citing_posts``.
    """
    source = get_object_or_404(Source, key=key)
    return render(
        request, "blog/source_detail.html", {"source": source, "citing_posts": citing_posts(source)}
    )
