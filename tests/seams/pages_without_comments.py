"""Run by ``test_without_comments``: the blog's pages on a fresh database, with ``comments`` not installed.

Writes each page's status and text by name, as JSON, to the file named by its argument.
"""

import json
import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings_without_comments"
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from blog.models import Post  # noqa: E402


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    author = get_user_model().objects.create_superuser("editor", "editor@example.com", "a long passphrase")
    post = Post.objects.create(
        title="Standing alone",
        slug="standing-alone",
        body="Words that [stand] alone.",
        author=author,
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now() - timezone.timedelta(days=1),
    )
    reader, editor, strict = Client(), Client(), Client(enforce_csrf_checks=True)
    editor.force_login(author)
    responses = {
        "home": reader.get("/"),
        "post": reader.get(post.get_absolute_url()),
        "feed": reader.get("/feed/"),
        "tag list": reader.get("/tags/"),
        "comments address": reader.get("/comments/feed/"),
        "admin posts": editor.get("/admin/blog/post/"),
        "admin post": editor.get(f"/admin/blog/post/{post.pk}/change/"),
        "refused form": strict.post("/admin/login/", {"username": "editor", "password": "wrong"}),
    }
    pages = {name: [response.status_code, response.content.decode()] for name, response in responses.items()}
    with open(sys.argv[1], "w") as output:
        json.dump(pages, output)


if __name__ == "__main__":
    main()
