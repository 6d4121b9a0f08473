"""Admin for the blog: posts (with outline, preview and revisions), tags, and where sources are cited."""

from blog.admin import posts, sources, tags  # noqa: F401  (each module registers its ModelAdmins)
