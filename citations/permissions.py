"""Who may change the source library: authors their own entries, editors all of it.

Everyone who writes may add sources and read the whole library (citing needs
it). ``citations.change_source`` lets an author correct the sources they
added; ``citations.edit_others_sources`` (the Editors group) lets an editor
change, delete and import over anyone's, as WordPress's Editor manages all
media while an Author manages only their own uploads.
"""

EDIT_OTHERS = "citations.edit_others_sources"


def may_edit_others_sources(user) -> bool:
    return user.is_active and user.has_perm(EDIT_OTHERS)


def may_edit_source(user, source) -> bool:
    """Whether ``user`` may change ``source``: they added it, or they keep the whole library."""
    if may_edit_others_sources(user):
        return True
    return user.is_authenticated and source.added_by_id is not None and source.added_by_id == user.pk
