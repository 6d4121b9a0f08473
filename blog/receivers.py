"""Decoupled side effects: a changed source re-renders the posts that cite it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from blog.services import posts_rerender_citing
from citations.models import Source


@receiver(post_save, sender=Source, dispatch_uid="blog.rerender_posts_citing_source")
def rerender_posts_citing_source(sender, instance, raw=False, **kwargs):
    """Footnotes and captions are stored HTML, so a corrected title must reach the posts citing it."""
    if not raw:
        posts_rerender_citing(instance)
