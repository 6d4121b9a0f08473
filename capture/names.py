"""Personal names as CSL stores them: "Family, Given" or "Given Family" split into parts."""

# Particles that belong with the family name ("Ludwig van Beethoven", "Charles de Gaulle").
PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "del",
    "della",
    "di",
    "da",
    "du",
    "la",
    "le",
    "ter",
    "ten",
    "bin",
    "al",
}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def split_name(name: str) -> dict:
    """A CSL name: ``{"family", "given"}`` (and ``"suffix"``), or ``{"literal"}`` for one word."""
    name = " ".join(name.split()).strip(" ,;")
    if "," in name:
        family, _, given = name.partition(",")
        given, _, suffix = given.partition(",")
        parts = {"family": family.strip(), "given": given.strip()}
        if suffix.strip():
            parts["suffix"] = suffix.strip()
        return parts if parts["given"] else {"literal": family.strip()}
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in SUFFIXES else ""
    if len(words) < 2:
        return {"literal": name}
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    parts = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if suffix:
        parts["suffix"] = suffix
    return parts
