"""What an import did: counts by kind and outcome, and every item that did not convert cleanly."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = ("users", "tags", "sources", "posts", "pages", "comments")
OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class Problem:
    kind: str
    item_id: str
    why: str

    def __str__(self):
        return f"{self.kind} {self.item_id}: {self.why}"


@dataclass
class Report:
    """Filled in by an importer; ``lines()`` is what the command prints and the admin page shows.

    A platform's importer subclasses it for what only its exports hold: its
    first line (``heading``), its own tallies (``extra_lines``) kept across a
    rolled-back batch by ``snapshot`` and ``restore``.
    """

    site: str = ""
    version: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    not_imported: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    # Items whose batch was committed (or, in a dry run, would have been).
    saved_items: int = 0
    # What the reader mended to read the file.
    repairs: list = field(default_factory=list)
    _saved: tuple = field(default=({}, Counter(), 0, ()), repr=False)

    def snapshot(self) -> tuple:
        """A subclass's own tallies as they stand, for ``restore``."""
        return ()

    def restore(self, saved: tuple) -> None:
        """Put back a subclass's own tallies from ``snapshot``."""

    def checkpoint(self) -> None:
        """Remember the report as it stands, when a batch is committed."""
        self._saved = (
            {kind: Counter(counts) for kind, counts in self.counts.items()},
            Counter(self.not_imported),
            len(self.problems),
            self.snapshot(),
        )

    def back_to_checkpoint(self) -> None:
        """Forget what a batch that was rolled back had counted."""
        counts, self.not_imported, problems, own = self._saved
        self.counts = defaultdict(Counter, counts)
        del self.problems[problems:]
        self.restore(own)

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[kind][outcome] += number

    def problem(self, kind: str, item_id, why: str) -> None:
        self.problems.append(Problem(kind, str(item_id), why))

    def heading(self) -> str:
        return f"Export of {self.site or 'an unnamed site'}" + (
            f" (version {self.version})." if self.version else "."
        )

    def extra_lines(self) -> list[str]:
        """A subclass's own lines, after the counts."""
        return []

    def summary_lines(self) -> list[str]:
        lines = [self.heading()]
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
        return lines + self.extra_lines()

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
