"""Who may do what with posts: the roles as WordPress has them, in Django permissions.

An author (``blog.add_post``/``change_post``) writes, publishes and sees only
their own posts. ``blog.edit_others_posts`` (the Editors group; superusers
have every permission) extends that to everyone's posts, including choosing
their author. The admin, the preview and the WordPress import all ask here.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from blog.models import Post

EDIT_OTHERS = "blog.edit_others_posts"


def may_edit_others_posts(user) -> bool:
    return user.is_active and user.has_perm(EDIT_OTHERS)


def posts_visible_to(user, queryset=None):
    """The posts ``user`` may open in the admin or the preview: everyone's for editors, else their own."""
    queryset = Post.objects.all() if queryset is None else queryset
    if may_edit_others_posts(user):
        return queryset
    return queryset.filter(author=user.pk) if user.is_authenticated else queryset.none()


def may_edit_post(user, post) -> bool:
    """Whether ``user`` may open ``post`` for editing: it is theirs, or they edit everyone's."""
    return may_edit_others_posts(user) or (user.is_authenticated and post.author_id == user.pk)


def writers():
    """Active staff accounts that may write posts: who a post can be attributed to."""
    may_write = Permission.objects.filter(content_type__app_label="blog", codename="add_post")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True) | Q(user_permissions__in=may_write) | Q(groups__permissions__in=may_write)
        )
        .distinct()
        .order_by("username")
    )


def post_author_choices():
    """Whom an editor may make a post's author: a writer, or an account that already has posts
    (an imported WordPress author, who cannot sign in, keeps their posts selectable)."""
    return (
        get_user_model()
        .objects.filter(Q(pk__in=writers().values("pk")) | Q(posts__isnull=False))
        .distinct()
        .order_by("username")
    )


def assignable_authors(user):
    """The accounts ``user`` may publish as: any writer for an editor, else only ``user``."""
    if may_edit_others_posts(user):
        return writers()
    return get_user_model().objects.filter(pk=user.pk)
