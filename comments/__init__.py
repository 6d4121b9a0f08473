"""Reader comments: threading, moderation, notifications and feeds."""
