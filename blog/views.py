"""Public views of the blog."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from blog.models import Post


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
