"""What changed between the 17th (2017) and 18th (2024) editions of the Chicago Manual, for notes
and bibliography, as rules the Chicago style reads.

- Authors in a note: the 17th names up to three and gives the first and "et al." for four or more
  (17th 14.76); the 18th gives the first and "et al." for three or more (18th 13.78).
- Authors in a bibliography: the 17th lists up to ten, and the first seven and "et al." for more;
  the 18th lists up to six, and the first three and "et al." for more (17th 14.76, 18th 13.78).
- Books' facts of publication: the 17th gives the place and the publisher ("New York: Penguin
  Press, 2016", 17th 14.127–14.129); the 18th drops the place ("Penguin Press, 2016", 18th 14.30).
- Prepositions in titles: the 17th lowercases them whatever their length (17th 8.159, "Four
  Theories concerning the Gospel according to Matthew"); the 18th capitalises those of five
  letters or more (18th 8.160, "Much Ado About Nothing").
- An interview's short note: the 17th shortens its title ("Stamper, “From ‘F-Bomb’ to
  ‘Photobomb.’”", 14.214); the 18th says what it is ("Buolamwini, interview.", the 18th's quick
  guide).
- A book's edition: the 17th names it after the editors and translators (17th 14.100's order of
  elements); the 18th before them, "<i>Othello</i>, 2nd ed., ed. Stanley Wells et al." (18th 14.2,
  14.15, as the official 18th style's description of its changes, CSL styles PR #7424, gives them).
- A newspaper's section: the 18th names it before the paper, as a department or column, "Modern
  Love, <i>New York Times</i>" (18th 14.88, 14.93, PR #7424; the Manual's Q&A faq0099); the 17th
  after the date, "<i>New York Times</i>, April 23, 2006, Sunday Book Review" (17th 14.202's example
  as Windy City, a biblatex style for the 17th, encodes it), its departments and columns before the
  periodical (14.190, 14.195 in Windy City), which a record's ``section`` cannot tell apart.
- A podcast's episode: the 17th gives its title, then the podcast's, "Mike Duncan, “The Fall of Rome,”
  <i>The History of Rome</i>" (17th 14.267); the 18th the podcast and the episode's number first,
  "Lauren Ober, <i>The Loudest Girl in the World</i>, season 1, episode 2, “Goodbye, Routine; Hello,
  Meltdown!”" (18th 14.168, as PR #7424 describes it: the podcast title moved "to the beginning of the
  citation", an episode number printed).
"""

from dataclasses import dataclass

from citations.styles import text


@dataclass(frozen=True)
class Edition:
    """One edition's rules."""

    number: int
    et_al_in_notes: int  # from this many authors a note gives the first and "et al."
    listed_in_bibliography: int  # a bibliography lists up to this many authors …
    kept_before_et_al: int  # … and beyond it the first this many, then "et al."
    place_of_publication: bool
    interview_short_by_kind: bool  # an interview's short note: "Buolamwini, interview."
    prepositions_capitalised_from: int | None  # letters from which a preposition in a title is capitalised
    edition_before_editors: bool  # a book's "2nd ed." before "ed. Stanley Wells et al."
    newspaper_section_after_date: bool  # "<i>New York Times</i>, April 23, 2006, Sunday Book Review"
    podcast_before_episode: bool  # "<i>The Loudest Girl in the World</i>, season 1, episode 2, “Goodbye…”"

    def note_names(self, names):
        return text.note_names(names, et_al_from=self.et_al_in_notes)

    def short_names(self, names):
        return text.short_names(names, et_al_from=self.et_al_in_notes)

    def bibliography_names(self, names):
        return text.bibliography_names(names, listed=self.listed_in_bibliography, kept=self.kept_before_et_al)

    def listed_names(self, names):
        return text.listed_names(names, listed=self.listed_in_bibliography, kept=self.kept_before_et_al)


SEVENTEENTH = Edition(
    17,
    et_al_in_notes=4,
    listed_in_bibliography=10,
    kept_before_et_al=7,
    place_of_publication=True,
    interview_short_by_kind=False,
    prepositions_capitalised_from=None,
    edition_before_editors=False,
    newspaper_section_after_date=True,
    podcast_before_episode=False,
)
EIGHTEENTH = Edition(
    18,
    et_al_in_notes=3,
    listed_in_bibliography=6,
    kept_before_et_al=3,
    place_of_publication=False,
    interview_short_by_kind=True,
    prepositions_capitalised_from=5,
    edition_before_editors=True,
    newspaper_section_after_date=False,
    podcast_before_episode=True,
)
EDITIONS = {17: SEVENTEENTH, 18: EIGHTEENTH}
