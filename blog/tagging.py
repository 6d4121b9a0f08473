"""Tag names as an author types them in the post form: a comma-separated list.

Pure (no ORM): ``parse_tag_names`` splits, tidies and de-duplicates by slug;
``blog.services.post_set_tags`` finds or creates the tags. The list is read
once, left to right, and holds at most ``MAX_TAGS`` names.
"""

from django.utils.text import slugify

MAX_TAGS = 50
MAX_NAME_LENGTH = 100  # Tag.name and Tag.slug


def tag_slug(name: str) -> str:
    """The slug a tag of this name has: its letters (any script) and digits, hyphenated."""
    return slugify(name, allow_unicode=True)[:MAX_NAME_LENGTH]


def parse_tag_names(text: str) -> tuple[list[str], list[str]]:
    """``(names, problems)``: each tag named once (by slug, first spelling wins), and what is wrong."""
    names, slugs, problems = [], set(), []
    for part in text.split(","):
        name = " ".join(part.split())
        if not name:
            continue
        slug = tag_slug(name)
        if len(name) > MAX_NAME_LENGTH:
            problems.append(f"The tag “{name[:30]}…” is longer than {MAX_NAME_LENGTH} characters.")
        elif not slug:
            problems.append(f"The tag “{name}” needs a letter or a digit.")
        elif slug not in slugs:
            slugs.add(slug)
            names.append(name)
        if len(names) > MAX_TAGS:
            return names, [f"A post may have at most {MAX_TAGS} tags."]
    return names, problems
