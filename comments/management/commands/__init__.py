"""``manage.py purge_comment_ips``, ``purge_comment_spam`` and ``commenter_data``."""
