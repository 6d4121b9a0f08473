"""Whole-page caching of anonymous GETs on a box without a front cache, retired by surrogate key."""
