"""Tests of the WordPress importer."""
