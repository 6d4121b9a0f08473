"""Comment URLs, mounted under /comments/."""

from django.urls import path

from comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:post_id>/", views.post_comment, name="post"),
    path("post/<int:post_id>/own/", views.own_comments, name="own"),
    path("post/<int:post_id>/preview/", views.preview_comment, name="preview"),
    path("<int:pk>/", views.comment_permalink, name="comment"),
    path("<int:pk>/edit/", views.edit_comment, name="edit"),
    path("<int:pk>/withdraw/", views.withdraw_comment, name="withdraw"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("confirm/<str:token>/", views.confirm_subscriber, name="confirm"),
    path("feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestCommentsAtomFeed(), name="feed_atom"),
    path("feed/<int:post_id>/", feeds.PostCommentsFeed(), name="post_feed"),
    path("feed/<int:post_id>/atom/", feeds.PostCommentsAtomFeed(), name="post_feed_atom"),
]
