"""Admin for the blog: posts (with outline, preview and revisions), pages, tags, where sources are cited."""

from blog.admin import pages, posts, profiles, sources, tags  # noqa: F401  (each module registers its ModelAdmins)
