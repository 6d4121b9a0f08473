"""Reading the demo's post files: Markdown with a small front-matter block."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@dataclass
class DemoPost:
    title: str
    slug: str
    published: date
    body: str
    summary: str = ""
    tags: list[str] = field(default_factory=list)


def parse_front_matter(text):
    """Split ``---``-fenced ``key: value`` lines from the body.

    Values in square brackets are comma-separated lists. This is the subset
    of YAML the demo files use, not a YAML parser.
    """
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        name, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            value = [item.strip() for item in value[1:-1].split(",") if item.strip()]
        meta[name.strip()] = value
    return meta, body.lstrip("\n")


def load_post(path):
    """Read one demo post file into a ``DemoPost``."""
    meta, body = parse_front_matter(Path(path).read_text(encoding="utf-8"))
    return DemoPost(
        title=meta["title"],
        slug=meta["slug"],
        published=date.fromisoformat(meta["published"]),
        summary=meta.get("summary", ""),
        tags=meta.get("tags", []),
        body=body,
    )


def demo_posts():
    """Every demo post, oldest first."""
    return sorted((load_post(path) for path in CONTENT_DIR.glob("*.md")), key=lambda post: post.published)
