"""What an import did: counts by kind and outcome, and every item that did not convert cleanly."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = ("users", "tags", "sources", "posts", "pages", "comments")
OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class Problem:
    kind: str
    wp_id: str
    why: str

    def __str__(self):
        return f"{self.kind} {self.wp_id}: {self.why}"


@dataclass
class Report:
    """Filled in by the importer; ``lines()`` is what the command prints and the admin page shows."""

    site: str = ""
    version: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    not_imported: Counter = field(default_factory=Counter)
    shortcodes: Counter = field(default_factory=Counter)
    gutenberg_comments: int = 0
    # Names of categories that had a parent in WordPress: filed as flat tags, their hierarchy not kept.
    flattened_categories: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    # Items whose batch was committed (or, in a dry run, would have been).
    saved_items: int = 0
    # What the reader mended to read the file (``lenient.Repairs.lines()``).
    repairs: list = field(default_factory=list)
    _saved: tuple = field(default=({}, Counter(), Counter(), 0, 0), repr=False)

    def checkpoint(self) -> None:
        """Remember the report as it stands, when a batch is committed."""
        self._saved = (
            {kind: Counter(counts) for kind, counts in self.counts.items()},
            Counter(self.not_imported),
            Counter(self.shortcodes),
            self.gutenberg_comments,
            len(self.problems),
        )

    def back_to_checkpoint(self) -> None:
        """Forget what a batch that was rolled back had counted."""
        counts, self.not_imported, self.shortcodes, self.gutenberg_comments, problems = self._saved
        self.counts = defaultdict(Counter, counts)
        del self.problems[problems:]

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[kind][outcome] += number

    def problem(self, kind: str, wp_id, why: str) -> None:
        self.problems.append(Problem(kind, str(wp_id), why))

    def summary_lines(self) -> list[str]:
        lines = [f"WordPress export of {self.site or 'an unnamed site'} (WXR {self.version})."]
        for kind in KINDS:
            counts = self.counts.get(kind, Counter())
            lines.append(f"{kind}: " + ", ".join(f"{counts[outcome]} {outcome}" for outcome in OUTCOMES))
        if media := self.counts.get("media"):
            lines.append(
                "media: " + ", ".join(f"{number} {outcome}" for outcome, number in sorted(media.items()))
            )
        if self.not_imported:
            lines.append(
                "not imported, by type: "
                + ", ".join(f"{name} {number}" for name, number in sorted(self.not_imported.items()))
            )
        if self.shortcodes:
            lines.append(
                "shortcodes: "
                + ", ".join(f"{number} [{name}]" for name, number in sorted(self.shortcodes.items()))
            )
        if self.flattened_categories:
            number, names = len(self.flattened_categories), ", ".join(self.flattened_categories)
            lines.append(f"categories flattened into tags (their parent not kept): {number} ({names})")
        if self.repairs:
            lines.append("mended to be read: " + ", ".join(self.repairs))
        if self.gutenberg_comments:
            lines.append(f"block editor comments removed: {self.gutenberg_comments}")
        return lines

    def lines(self) -> list[str]:
        lines = self.summary_lines()
        if self.problems:
            lines.append(
                f"{len(self.problems)} item{'s' if len(self.problems) != 1 else ''} not converted cleanly:"
            )
            lines.extend(f"  {problem}" for problem in self.problems)
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines
