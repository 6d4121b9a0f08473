"""Public pages of the blog."""

from django.urls import path, register_converter

from blog import feeds, views


class TwoDigitConverter:
    """A month or day as it appears in a permalink: always two digits."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class UnicodeSlugConverter:
    """A slug as ``Post.slug`` allows it: letters of any script, digits, hyphens, underscores."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class CiteExtensionConverter:
    """The extension of a post's citation file (``blog.cite.DOWNLOADS``)."""

    regex = "bib|json|ris"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TwoDigitConverter, "dd")
register_converter(CiteExtensionConverter, "citeext")
register_converter(UnicodeSlugConverter, "uslug")

app_name = "blog"

urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("preview/<int:pk>/", views.post_preview, name="post_preview"),
    path("feed/", feeds.LatestPostsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    path("search/", views.search, name="search"),
    path("archive/", views.ArchiveIndex.as_view(), name="archive_index"),
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("tags/<str:slug>/feed/", feeds.TagFeed(), name="tag_feed_rss"),
    path("tags/<str:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    # Under their own prefix, so a page's slug can never take an address the blog already answers.
    path("pages/<uslug:slug>/", views.page_detail, name="page_detail"),
    path("authors/<str:username>/", views.author_detail, name="author_detail"),
    path("authors/<str:username>/feed/", feeds.AuthorFeed(), name="author_feed_rss"),
    path("authors/<str:username>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("<int:year>/", views.YearArchive.as_view(), name="archive_year"),
    path("<int:year>/<dd:month>/", views.MonthArchive.as_view(), name="archive_month"),
    path("<int:year>/<dd:month>/<dd:day>/<uslug:slug>/", views.post_detail, name="post_detail"),
    path("<int:year>/<dd:month>/<dd:day>/<uslug:slug>/card.png", views.post_card, name="post_card"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<uslug:slug>/cite.<citeext:extension>",
        views.post_cite,
        name="post_cite",
    ),
]
