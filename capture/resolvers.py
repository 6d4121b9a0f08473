"""From an identifier an author pastes (a DOI, an ISBN or a URL) to the work's metadata.

Each resolver says whether it recognises an identifier (giving its normal
form) and resolves that form to ``Metadata``; ``resolve`` asks them in
order. Crossref answers for DOIs, Open Library for ISBNs, and the page
itself (through the safe fetcher) for addresses. Their base addresses are
settings, so tests point them at a local server.
"""

import json
import re
from urllib.parse import quote

from capture import conf, fetch, metadata, names

DOI_FORM = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
CROSSREF_TYPES = {
    "journal-article": "article-journal",
    "proceedings-article": "article-journal",
    "posted-content": "article-journal",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "report": "report",
}
MAX_BOOK_AUTHORS = 10


class Unresolved(Exception):
    """An identifier that no resolver recognises, or whose service did not answer usefully."""


def get_json(url):
    try:
        response = fetch.fetch(url, accept=fetch.JSON_TYPES)
        return json.loads(response.text())
    except fetch.FetchError as error:
        raise Unresolved(str(error)) from error
    except (ValueError, RecursionError) as error:
        raise Unresolved(f"{url} did not answer with readable JSON.") from error


class Crossref:
    name = "Crossref"

    def recognise(self, identifier):
        match = DOI_FORM.match(identifier.strip())
        return match[1] if match else None

    def resolve(self, doi):
        data = get_json(f"{conf.get('CROSSREF_URL').rstrip('/')}/works/{quote(doi, safe='/')}")
        work = data.get("message") if isinstance(data, dict) else None
        if not isinstance(work, dict):
            raise Unresolved(f"Crossref knows no work with the DOI {doi}.")
        authors = []
        for person in listed(work.get("author"))[: metadata.MAX_AUTHORS]:
            if isinstance(person, dict) and (person.get("family") or person.get("name")):
                authors.append(
                    {"family": text(person["family"]), "given": text(person.get("given"))}
                    if person.get("family")
                    else {"literal": text(person["name"])}
                )
        issued = next(
            (date_parts(work.get(key)) for key in ("issued", "published-print", "published-online", "created")
             if date_parts(work.get(key))),
            (),
        )  # fmt: skip
        return metadata.Metadata(
            type=CROSSREF_TYPES.get(work.get("type"), "article-journal"),
            title=text(first(work.get("title"))),
            authors=authors,
            container_title=text(first(work.get("container-title"))),
            issued=issued,
            url=text(work.get("URL")),
            doi=text(work.get("DOI")) or doi,
            isbn=text(first(work.get("ISBN"))),
            publisher=text(work.get("publisher")),
            publisher_place=text(work.get("publisher-location")),
            volume=text(work.get("volume")),
            issue=text(work.get("issue")),
            page=text(work.get("page")).replace("-", "–"),
            language=text(work.get("language")),
        )


class OpenLibrary:
    name = "Open Library"

    def recognise(self, identifier):
        digits = re.sub(r"[\s-]", "", identifier.strip()).upper().removeprefix("ISBN:").removeprefix("ISBN")
        return digits if valid_isbn(digits) else None

    def resolve(self, isbn):
        base = conf.get("OPENLIBRARY_URL").rstrip("/")
        book = get_json(f"{base}/isbn/{isbn}.json")
        if not isinstance(book, dict) or not book.get("title"):
            raise Unresolved(f"Open Library knows no book with the ISBN {isbn}.")
        keys = [a.get("key") for a in listed(book.get("authors")) if isinstance(a, dict)]
        works = listed(book.get("works"))
        work_key = works[0].get("key") if works and isinstance(works[0], dict) else None
        if not keys and isinstance(work_key, str) and re.fullmatch(r"/works/OL\d+W", work_key):
            work = get_json(f"{base}{work_key}.json")
            keys = [
                a["author"].get("key")
                for a in listed(work.get("authors") if isinstance(work, dict) else [])
                if isinstance(a, dict) and isinstance(a.get("author"), dict)
            ]
        authors = []
        for key in keys[:MAX_BOOK_AUTHORS]:
            if isinstance(key, str) and re.fullmatch(r"/authors/OL\d+A", key):
                person = get_json(f"{base}{key}.json")
                name = (
                    text(person.get("personal_name") or person.get("name"))
                    if isinstance(person, dict)
                    else ""
                )
                if name:
                    authors.append(names.split_name(name))
        title = text(book.get("title"))
        if book.get("subtitle"):
            title = f"{title}: {text(book['subtitle'])}"
        return metadata.Metadata(
            type="book",
            title=title,
            authors=authors,
            issued=metadata.parse_date(text(book.get("publish_date"))),
            isbn=isbn,
            publisher=text(first(book.get("publishers"))),
            publisher_place=text(first(book.get("publish_places"))),
            url=f"{base}{book['key']}" if isinstance(book.get("key"), str) else "",
        )


class Page:
    name = "the page"

    def recognise(self, identifier):
        identifier = identifier.strip()
        return identifier if identifier.lower().startswith(("http://", "https://")) else None

    def resolve(self, url):
        try:
            response = fetch.fetch(url)
        except fetch.FetchError as error:
            raise Unresolved(str(error)) from error
        return metadata.read_metadata(response.text(), response.url)


RESOLVERS = [Crossref(), OpenLibrary(), Page()]


def resolve(identifier: str) -> metadata.Metadata:
    """The metadata of the work ``identifier`` names, from the first resolver that recognises it."""
    for resolver in RESOLVERS:
        if (normal := resolver.recognise(identifier)) is not None:
            return resolver.resolve(normal)
    raise Unresolved("Give a DOI (10.…), an ISBN (10 or 13 digits) or an address starting with http(s)://.")


def valid_isbn(digits):
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits)) % 10 == 0
    return False


def listed(value):
    return value if isinstance(value, list) else []


def first(value):
    return value[0] if isinstance(value, list) and value else value


def text(value):
    return " ".join(value.split())[: metadata.MAX_VALUE] if isinstance(value, str) else ""


def date_parts(value):
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]):
        return ()
    numbers = [part for part in parts[0][:3] if isinstance(part, int)]
    return metadata.parse_date("-".join(f"{part:02d}" for part in numbers)) if numbers else ()
