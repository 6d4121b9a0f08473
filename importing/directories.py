"""The importer's look-ups of users, tags and sources, each loaded once and cached.

Each directory matches what it is given to a row already in the database
(or created earlier in the same import) and creates one otherwise, counting
both in the report.
"""

import re
import unicodedata
from collections import defaultdict
from itertools import count
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils.text import slugify

from blog.models import Tag
from citations.models import Source
from citations.services import tell_apart
from citations.signals import sources_changed
from importing.references import Reference, make_key, normalize


class Users:
    """An export's authors as users: the accounts the import creates, or the one the importing user chose.

    With ``assign_to``, every author is that account. Otherwise an author is
    matched by login only to an account that cannot sign in to the admin (one
    an earlier import created): an export merely naming a staff member's login
    or email never reaches their account. A login a staff account holds gets a
    new account under a suffixed name, and an email address another account
    already has is left out of the new one; the report names both.
    """

    def __init__(self, report, *, assign_to=None, platform: str = "import"):
        self.report = report
        self.assign_to = assign_to
        # Names the account of an author with no login, and suffixes a login a staff account holds.
        self.platform = platform
        self.by_login = {}
        self.by_wp_id = {}

    def get(self, login: str, *, email: str = "", first_name: str = "", last_name: str = "", wp_id: str = ""):
        login = (login or "").strip() or self.platform
        if login in self.by_login:
            user = self.by_login[login]
        elif self.assign_to is not None:
            user = self.by_login[login] = self.assign_to
            self.report.count("users", "unchanged")
        else:
            user = self._find_or_create(login, email, first_name, last_name)
            self.by_login[login] = user
        if wp_id:
            self.by_wp_id[wp_id] = user
        return user

    def _find_or_create(self, login, email, first_name, last_name):
        model = get_user_model()
        base = re.sub(r"[^\w.@+-]", "_", login)[:150]
        for username in candidate_usernames(base, self.platform):
            user = model.objects.filter(username=username).first()
            if user is None:
                break
            if not (user.is_staff or user.is_superuser):
                self.report.count("users", "unchanged")
                return user
        if username != base:
            self.report.problem(
                "author", login, f"the login is a staff account's here; imported as {username}"
            )
        if email and model.objects.filter(email__iexact=email).exists():
            self.report.problem("author", login, "the email address is another account's here; left out")
            email = ""
        user = model(
            username=username, email=email[:254], first_name=first_name[:150], last_name=last_name[:150]
        )
        user.set_unusable_password()
        user.save()
        self.report.count("users", "created")
        return user


def candidate_usernames(base: str, platform: str):
    """``base``, then ``base-wordpress``, ``base-wordpress-2``, … (for the platform "wordpress"): the
    same names in the same order on every run, so a re-import finds the account it created the first
    time."""
    suffix = slugify(platform)[:20]
    yield base
    yield f"{base[: 149 - len(suffix)]}-{suffix}"
    for number in count(2):
        yield f"{base[: 139 - len(suffix)]}-{suffix}-{number}"


class StaffNames:
    """The names and email addresses of the accounts that can sign in to the admin, loaded once.

    An imported comment signed with one of them is held for a moderator
    rather than published as if that staff member had written it.
    """

    def __init__(self):
        self.by_email, self.by_name = defaultdict(set), defaultdict(set)
        staff = get_user_model().objects.filter(Q(is_staff=True) | Q(is_superuser=True))
        for user in staff:
            if user.email:
                self.by_email[user.email.strip().lower()].add(user.pk)
            for name in (user.get_username(), user.get_full_name()):
                if key := name_key(name):
                    self.by_name[key].add(user.pk)

    def claimed(self, *, name: str, email: str, user=None) -> bool:
        """Whether ``name`` or ``email`` is a staff account's other than ``user``'s own."""
        by_email = self.by_email.get((email or "").strip().lower(), set())
        owners = by_email | self.by_name.get(name_key(name), set())
        return bool(owners - {getattr(user, "pk", None)})


def name_key(name: str) -> str:
    """A name as a reader would read it: compatibility forms folded, invisible characters dropped, no case."""
    folded = unicodedata.normalize("NFKC", name or "")
    visible = "".join(char for char in folded if not unicodedata.category(char).startswith("C"))
    return " ".join(visible.split()).casefold()


class Tags:
    """Categories and tags as ``blog.Tag`` rows, matched by slug, then by name (ignoring case)."""

    def __init__(self, report, *, ignored=frozenset()):
        self.report = report
        self.ignored = ignored  # slugs that say nothing of a post (WordPress's "uncategorized")
        self.by_slug, self.by_name = {}, {}
        for tag in Tag.objects.all():
            self._remember(tag)

    def _remember(self, tag):
        self.by_slug[tag.slug] = tag
        self.by_name[tag.name.lower()] = tag

    def get(self, name: str, nicename: str = "", *, count: bool = True):
        """The tag for a term, or ``None`` for an ignored one."""
        name = " ".join((name or "").split())[:100]
        slug = (
            slugify(unquote(nicename or ""), allow_unicode=True)[:100]
            or slugify(name, allow_unicode=True)[:100]
        )
        if not slug or slug in self.ignored:
            return None
        tag = self.by_slug.get(slug) or self.by_name.get(name.lower())
        if tag is None:
            tag = Tag.objects.create(name=name or slug, slug=slug)
            self._remember(tag)
            self.report.count("tags", "created")
        elif count:
            self.report.count("tags", "unchanged")
        return tag


class Sources:
    """Works cited in footnotes, matched to the library or added to it.

    The same work is the same title (ignoring case and punctuation) with the
    same first author's family name, or the same URL. A source added is
    recorded as added by ``added_by``, the importing user.
    """

    def __init__(self, report, *, added_by=None):
        self.report = report
        self.added_by = added_by
        self.keys = set()
        self.by_title = defaultdict(list)
        rows = Source.objects.values_list("key", "title", "authors", "url")
        for key, title, authors, url in rows:
            self._remember(key, title, authors, url)

    def _remember(self, key, title, authors, url):
        self.keys.add(key)
        first = authors[0] if authors and isinstance(authors[0], dict) else {}
        family = normalize(first.get("family") or first.get("literal") or "")
        self.by_title[normalize(title)].append((family, url, key))

    def resolve(self, reference: Reference) -> str | None:
        """The key of the source ``reference`` names, creating the source if the library lacks it.

        ``None`` (the note stays a plain footnote) when the reference cannot be stored.
        """
        family = normalize(reference.first_family())
        for known_family, url, key in self.by_title.get(normalize(reference.title), []):
            if known_family == family or (reference.url and url == reference.url):
                self.report.count("sources", "unchanged")
                return key
        key = make_key(reference, self.keys)
        source = Source(
            key=key,
            type=reference.type,
            title=reference.title[:500],
            container_title=reference.container_title[:500],
            authors=reference.authors,
            publisher=reference.publisher[:300],
            publisher_place=reference.publisher_place[:200],
            issued_year=reference.year,
            issued_month=reference.month,
            issued_day=reference.day,
            url=reference.url[:1000],
            added_by=self.added_by,
        )
        try:
            # The key is unique already (``make_key`` avoids every key known): no query to check it.
            source.full_clean(validate_unique=False)
            source.refresh_derived()
            # bulk_create sends no post_save: no post can cite a key that did not exist a moment ago,
            # so blog's "re-render the posts citing this source" receiver has nothing to do; but the
            # works alike it may be told apart again ("2019a"), and their posts then are.
            with transaction.atomic():
                retold = tell_apart([source.alike_key], source=source)
                Source.objects.bulk_create([source])
                if retold:
                    sources_changed.send(sender=Source, keys=retold)
        except (ValidationError, DatabaseError) as error:
            self.report.problem("source", f"“{reference.title[:60]}”", f"not added to the library: {error}")
            return None
        self._remember(key, source.title, source.authors, source.url)
        self.report.count("sources", "created")
        return key
