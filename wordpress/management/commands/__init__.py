"""``manage.py import_wxr``."""
