"""Template tags of the comments app."""
