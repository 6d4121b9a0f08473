"""Writes to the library that span many rows: importing a file of records."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from citations import formats, styles
from citations.formats.csljson import RecordError, item_to_fields
from citations.keys import cite_key, first_free, needs_braces
from citations.models import Source
from citations.signals import sources_changed

MAX_REPORTED_ERRORS = 20
BATCH_SIZE = 500
# The groups of works alike (``Source.alike_key``) that the sources deleted within ``deleted_together``
# leave, to be told apart once it ends; None outside it.
_left_by_deletion = ContextVar("left_by_deletion", default=None)


class ImportFailed(ValueError):
    """Nothing was imported: the file cannot be read, or (strictly) some of its records."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))


def _shortened(lines):
    if len(lines) > MAX_REPORTED_ERRORS:
        return lines[:MAX_REPORTED_ERRORS] + [f"… and {len(lines) - MAX_REPORTED_ERRORS} more."]
    return lines


@dataclass
class ImportReport:
    """What an import did, by key: and each record not imported, and each value a field could
    not hold as given (kept in the full record), by position."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    mapped_types: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __str__(self):
        text = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} skipped (unchanged)"
        )
        if self.mapped_types:
            text += f"; {self.mapped_types} with a type mapped to the nearest supported one"
        if self.skipped:
            text += f"; {len(self.skipped)} not imported (bad records)"
        return text

    def details(self):
        """The records not imported and the notes, one a line, cut short past a limit."""
        return _shortened([f"Not imported: {line}" for line in self.skipped]) + _shortened(self.notes)


def _problem(record, error):
    key = record.item.get("id") if isinstance(record.item, dict) else None
    where = record.where.capitalize() + (f" ({key})" if key not in (None, "") else "")
    return f"{where}: {str(error).rstrip('.')}."


def _used_twice(key, first_where, first, second, new_key):
    """What became of a second record with a key: imported under a key of its own, as reference
    managers that make keys alike (Mendeley's "Thomas2016") leave two works under one. The
    variables the records differ in say which is which (the first three, the title first)."""
    differ = sorted(
        (name for name in {*first, *second} if first.get(name) != second.get(name)),
        key=lambda name: (name != "title", name.casefold()),
    )
    shown = ", ".join(differ[:3]) + (" …" if len(differ) > 3 else "")
    return (
        f"the key {key!r} is used twice in this file, first by {first_where} for another record "
        f"(differing in {shown}); this one is imported as {new_key!r}"
    )


def _key_of_its_own(key, item, taken):
    """A key for a second record with ``key``: the first "Thomas2016a", "Thomas2016b"… that no
    record of the file and no other source has, or the source this record made on an earlier
    import (so importing the file again updates it)."""
    while True:
        made = first_free(key, taken)
        held = Source.objects.filter(key=made).values_list("csl", flat=True).first()
        if held is None or held == {**item, "id": made}:
            return made
        taken.add(made.lower())


def _validated(records, report):
    """Unsaved Sources for the good ``records``, and a message for each bad one.

    The first good record with a key imports under it (one that cannot be imported leaves its key
    to the next); a later one is noted when it is the same record, else imported under a key of
    its own (``_key_of_its_own``)."""
    sources, errors, seen = [], [], {}
    taken = {str(record.item.get("id", "")).lower() for record in records if isinstance(record.item, dict)}
    for record in records:
        if record.error:
            errors.append(_problem(record, record.error))
            continue
        try:
            fields, csl_mapped, notes = item_to_fields(record.item)
            source = Source(**fields, csl=record.item)
            source.full_clean(
                exclude=["created", "updated"], validate_unique=False, validate_constraints=False
            )
        except RecordError as error:
            errors.append(_problem(record, error))
            continue
        except ValidationError as error:
            problems = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
            errors.append(_problem(record, problems))
            continue
        if source.key in seen:
            first_where, first_item = seen[source.key]
            if record.item == first_item:
                report.notes.append(_problem(record, f"the same record as {first_where}; not imported again"))
                continue
            key = _key_of_its_own(source.key, record.item, taken)
            notes = [_used_twice(source.key, first_where, first_item, record.item, key), *notes]
            source.key, source.csl = key, {**record.item, "id": key}
            taken.add(key.lower())
        seen[source.key] = record.where, record.item
        report.mapped_types += record.mapped or csl_mapped
        if needs_braces(source.key):
            notes = [*notes, f"its key needs braces in a post: cite it as [{cite_key(source.key)}]"]
        report.notes += [_problem(record, note) for note in [*record.notes, *notes]]
        source.refresh_derived()
        sources.append(source)
    return sources, errors


def _update_rows(sources, names):
    """Write ``names`` of each source with one parameterised UPDATE run for every row.

    ``bulk_update`` builds a CASE WHEN per field and row, which takes about a
    minute for 5,000 records of twenty fields; ``executemany`` takes seconds
    (psycopg 3 pipelines it).
    """
    if not sources:
        return
    fields = [Source._meta.get_field(name) for name in names]
    table, quote = Source._meta.db_table, connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(table)} SET {assignments} WHERE {quote(Source._meta.pk.column)} = %s"
    rows = [
        [field.get_db_prep_save(getattr(source, field.attname), connection) for field in fields] + [source.pk]
        for source in sources
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _changed(current, source, compared):
    """Whether importing ``source`` changes ``current``: a field, or the record it exports
    (a source added in the admin, with no record, is unchanged by the record of its own export)."""
    if any(getattr(current, name) != getattr(source, name) for name in compared):
        return True
    return current.csl != source.csl and current.as_csl() != source.as_csl()


def import_records(records, *, strict=False):
    """Create or update a Source for each good record, by key, and report each bad one.

    Every record is read and validated before anything is written; with
    ``strict``, one bad record means nothing is written (``ImportFailed``).
    Unchanged records are skipped, so importing the same file twice changes
    nothing.
    """
    report = ImportReport()
    sources, errors = _validated(records, report)
    if errors and strict:
        raise ImportFailed(_shortened(errors))
    report.skipped = errors
    compared = [*Source.RECORD_FIELDS, *Source.DERIVED_FIELDS]
    with transaction.atomic():
        existing = Source.objects.by_keys(source.key for source in sources)
        now = timezone.now()
        new, changed, alike = [], [], set()
        for source in sources:
            current = existing.get(source.key)
            if current is not None and current.distinction:
                # Told apart as it stands, so that an unchanged record compares equal.
                source.distinction = current.distinction
                source.refresh_derived()
            if current is None:
                source.created = source.updated = now
                new.append(source)
                report.created.append(source.key)
            elif _changed(current, source, compared):
                alike.add(current.alike_key)
                for name in [*compared, "csl"]:
                    setattr(current, name, getattr(source, name))
                current.updated = now
                changed.append(current)
                report.updated.append(source.key)
            else:
                report.unchanged.append(source.key)
        Source.objects.bulk_create(new, batch_size=BATCH_SIZE)
        _update_rows(changed, [*compared, "csl", "updated"])
        alike.update(source.alike_key for source in [*new, *changed])
        retold = tell_apart(alike)
        if new or changed:
            keys = {*report.created, *report.updated, *retold}
            sources_changed.send(sender=Source, keys=sorted(keys))
    return report


def import_file(data, fmt, *, strict=False):
    """Read ``data`` (bytes or text) in ``fmt`` and import each good record in it.

    A file that cannot be read at all imports nothing (``ImportFailed``); with
    ``strict``, neither does a file with one bad record.
    """
    try:
        records = formats.read(data, fmt)
    except formats.FormatError as error:
        raise ImportFailed([str(error)]) from None
    return import_records(records, strict=strict)


def tell_apart(alike_keys, *, source=None):
    """Make again what tells apart the works of each group of ``alike_keys`` (``Source.alike_key``)
    whose citations would read alike, "Smith 2019a" and "Smith 2019b", over the whole library; store
    it (``Source.distinction``) with the entries and notes it changes; return the keys of the stored
    sources it changed, whose citing posts are then stale.

    ``source``, unsaved (new or edited), counts in its group as it stands and is changed but not
    saved: its ``save()`` calls this before writing it. Only the groups named are read, and a group
    of one is told from nothing without formatting anything, so a save or an import costs one
    formatting of each group it touched.
    """
    alike_keys = set(alike_keys) - {""}  # "": made before keys were kept, until ``rerender --stale``
    if not alike_keys:
        return []
    style, made_for = styles.get_style(), styles.stamp()
    members = Source.objects.filter(alike_key__in=alike_keys).order_by("key")
    if source is not None and source.pk is not None:
        members = members.exclude(pk=source.pk)
    groups = {}
    for member in [*members, *([source] if source is not None and source.alike_key in alike_keys else [])]:
        groups.setdefault(member.alike_key, []).append(member)
    changed = []
    for group in groups.values():
        told = (
            style.distinctions({member.key: member.csl_item("alone") for member in group})
            if len(group) > 1
            else {}
        )
        for member in group:
            distinction = {"made_for": made_for, **told[member.key]} if member.key in told else {}
            if distinction == member.distinction and (member is source or member.is_current):
                continue
            member.distinction = distinction
            member.refresh_derived()
            if member is not source:
                changed.append(member)
    Source.objects.bulk_update(changed, [*Source.DERIVED_FIELDS, "distinction"], batch_size=BATCH_SIZE)
    return [member.key for member in changed]


@contextmanager
def deleted_together():
    """Within, the sources deleted (one ``post_delete`` each) are one change: each group of works
    alike they leave is told apart once, at the end, in the same transaction, "2019a" and "2019b"
    lettered as if the deleted ones had never been; the posts citing what changed are sent once."""
    if _left_by_deletion.get() is not None:  # within another, which tells apart at its end
        yield
        return
    left = set()
    token = _left_by_deletion.set(left)
    try:
        with transaction.atomic():
            yield
            retold = tell_apart(left)
            if retold:
                sources_changed.send(sender=Source, keys=sorted(retold))
    finally:
        _left_by_deletion.reset(token)


def tell_apart_without(deleted):
    """Tell apart again the works alike a ``deleted`` source: now, or at the end of ``deleted_together``."""
    with deleted_together():
        _left_by_deletion.get().add(deleted.alike_key)


def refresh_stale_sources(*, batch_size=BATCH_SIZE):
    """Make again the sort keys, entries and notes made for another citation style (or version of
    the styles' code) than the site's; return how many sources were stale.

    A change of ``CITATION_STYLE`` changes where entries file (APA by author
    and year, Chicago by author and title) and what they say; ``manage.py
    rerender --stale`` and ``blog.tasks.rerender_stale`` call this before
    re-rendering posts.
    """
    stale = Source.objects.exclude(sort_style=styles.stamp()).order_by("pk")
    done, alike = 0, set()
    while batch := list(stale[:batch_size]):
        for source in batch:
            source.refresh_derived()
            alike.add(source.alike_key)
        Source.objects.bulk_update(batch, Source.DERIVED_FIELDS)
        done += len(batch)
    alike = sorted(alike)
    for start in range(0, len(alike), batch_size):
        tell_apart(alike[start : start + batch_size])
    return done


def store_current(sources):
    """Make and store the entries of those of ``sources`` made for another style (a page read them
    before ``rerender --stale`` ran), so the next reader finds them made.

    A row changed since it was read keeps what its own save made.
    """
    for source in sources:
        if source.is_current:
            continue
        made_for = source.sort_style
        source.refresh_derived()
        Source.objects.filter(pk=source.pk, sort_style=made_for, updated=source.updated).update(
            **{name: getattr(source, name) for name in Source.DERIVED_FIELDS}
        )
