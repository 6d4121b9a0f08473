"""The report of a WordPress import: the core's counts, and the shortcodes, block comments and categories
only WordPress exports hold."""

from collections import Counter
from dataclasses import dataclass, field

from importing.report import Report


@dataclass
class WordPressReport(Report):
    shortcodes: Counter = field(default_factory=Counter)
    gutenberg_comments: int = 0
    # Names of categories that had a parent in WordPress: filed as flat tags, their hierarchy not kept.
    flattened_categories: list = field(default_factory=list)

    def snapshot(self) -> tuple:
        return Counter(self.shortcodes), self.gutenberg_comments

    def restore(self, saved: tuple) -> None:
        self.shortcodes, self.gutenberg_comments = saved or (Counter(), 0)

    def heading(self) -> str:
        return f"WordPress export of {self.site or 'an unnamed site'} (WXR {self.version})."

    def extra_lines(self) -> list[str]:
        lines = []
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
