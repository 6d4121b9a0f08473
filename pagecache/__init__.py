"""Whole-page caching of anonymous GETs, invalidated site-wide on every public change."""
