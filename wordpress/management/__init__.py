"""Management commands of the WordPress importer."""
