"""``manage.py demo``: migrate-safe, idempotent demo content and accounts."""

import secrets
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from blog.models import Post, Tag
from citations.models import Source
from citations.services import import_file
from comments import published
from comments.models import Comment
from comments.services import comment_moderate, comment_submit
from demo.content import CONTENT_DIR, demo_posts

ACCOUNTS = [
    # username, full name, group, superuser
    ("admin", "Site Administrator", None, True),
    ("author", "Ada Author", "Authors", False),
    ("editor", "Eddie Editor", "Editors", False),
    ("moderator", "Max Moderator", "Moderators", False),
]

EXAMPLE_COMMENTS = [
    # name, email, body, reply-to index, moderator's decision (None: keep what the rules decided)
    (
        "Ellen",
        "ellen@example.org",
        "The Libya arms story keeps getting worse. Thanks for the excerpt.",
        None,
        Comment.Status.APPROVED,
    ),
    (
        "Tom",
        "tom@example.net",
        "Is there a follow-up on the *recoilless rifles*?",
        0,
        Comment.Status.APPROVED,
    ),
    (
        "Grace",
        "grace@example.com",
        "Late to this, but the [Small Arms Survey](https://www.smallarmssurvey.org/) covered it too.",
        None,
        None,
    ),
    ("Cheap Watches", "deals@spam.example", "Replica watches here, best prices.", None, None),
    (
        "Troll",
        "troll@example.com",
        "Off-topic remark removed by the moderator.",
        None,
        Comment.Status.REMOVED,
    ),
]


class Command(BaseCommand):
    help = "Create demo accounts, sources, posts and comments. Running it twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the demo accounts new passwords and print them.",
        )
        parser.add_argument(
            "--credentials-file",
            default=".demo-logins",
            help="Where to keep the generated logins for `make run` to show (git-ignored).",
        )

    def handle(self, *args, reset_passwords=False, credentials_file=".demo-logins", **options):
        with transaction.atomic():
            users, new_logins = self.create_accounts(reset_passwords)
            sources = self.create_sources()
            posts = self.create_posts(users["author"], sources)
            self.create_comments(posts, moderator=users["moderator"])
        if new_logins:
            self.write_credentials(credentials_file, new_logins)
            self.stdout.write(f"Demo logins (passwords are shown once; kept in {credentials_file}):")
            for username, password in new_logins:
                self.stdout.write(f"  {username} / {password}")
        else:
            self.stdout.write("Demo content is in place; nothing changed.")

    def create_accounts(self, reset_passwords):
        User = get_user_model()
        users, new_logins = {}, []
        for username, full_name, group_name, superuser in ACCOUNTS:
            first, _, last = full_name.partition(" ")
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.com",
                    "is_staff": True,
                    "is_superuser": superuser,
                },
            )
            if created or reset_passwords:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
                new_logins.append((username, password))
            group = Group.objects.filter(name=group_name).first() if group_name else None
            if group and not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
            users[username] = user
        return users, new_logins

    def create_sources(self):
        """Import the demo's CSL-JSON and BibTeX files; unchanged records are skipped."""
        for name, fmt in [("sources.json", "csl-json"), ("public-domain.bib", "bibtex")]:
            import_file((CONTENT_DIR / name).read_bytes(), fmt)
        return Source.objects.by_keys(Source.objects.values_list("key", flat=True))

    def create_posts(self, author, sources):
        posts = {}
        for demo in demo_posts():
            publish_at = timezone.make_aware(datetime.combine(demo.published, time(9, 0)))
            post, created = Post.objects.get_or_create(
                slug=demo.slug,
                defaults={
                    "title": demo.title,
                    "author": author,
                    "status": Post.Status.PUBLISHED,
                    "publish_at": publish_at,
                    "summary": demo.summary,
                    "body": demo.body,
                },
            )
            if created:
                for name in demo.tags:
                    tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
                    post.tags.add(tag)
            posts[demo.slug] = post
        return posts

    def create_comments(self, posts, moderator):
        """Comments in every state, through the same services as the site, without sending email."""
        post = posts["gaddafis-arsenal-malis-war"]
        if post.comments.exists():
            return
        created = []
        for offset, (name, email, body, reply_to, decision) in enumerate(EXAMPLE_COMMENTS):
            comment = comment_submit(
                post=post,
                parent=created[reply_to] if reply_to is not None else None,
                author_name=name,
                author_email=email,
                body=body,
                notify=False,
            )
            if decision:
                comment_moderate(comments=[comment], status=decision, moderator=moderator)
                comment.refresh_from_db()
            Comment.objects.filter(pk=comment.pk).update(
                created=post.publish_at + timedelta(hours=offset + 1)
            )
            created.append(comment)
        published.changed([post.pk], fields=["created"])

    def write_credentials(self, path, new_logins):
        import os

        known = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as existing:
                for line in existing:
                    username, _, password = line.strip().partition(" / ")
                    if password:
                        known[username] = password
        known.update(dict(new_logins))
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            for username, password in known.items():
                out.write(f"{username} / {password}\n")
