"""Posts, tags, the commentary dialect and its rendering pipeline."""
