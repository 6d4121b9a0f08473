"""``manage.py purge_comment_ips`` and ``manage.py commenter_data``."""
