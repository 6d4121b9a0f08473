"""What the library keeps in step when a source goes."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from citations.models import Source
from citations.services import tell_apart_without


@receiver(post_delete, sender=Source, dispatch_uid="citations.tell_apart_after_delete")
def tell_apart_after_delete(sender, instance, origin=None, **kwargs):
    """The works alike a deleted one are told apart again: "Smith 2019b" may now stand alone (once a
    group, when many are deleted together: ``SourceQuerySet.delete``)."""
    tell_apart_without(instance)
