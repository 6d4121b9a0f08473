"""A source file uploaded in the admin, imported by the worker with the service ``import_sources`` runs."""

from citations.services import ImportFailed, import_file
from imports.kinds import Outcome, Refused


def run_sources(run, progress) -> Outcome:
    """Import the run's CSL-JSON or BibTeX file as the command does: each good record, naming the bad
    ones, or all or nothing when the run asked for ``strict``."""
    progress(phase="reading and saving the records")
    with run.file.open("rb") as upload:
        data = upload.read()
    try:
        report = import_file(data, run.options["format"], strict=run.options.get("strict", False))
    except ImportFailed as failure:
        raise Refused("Nothing was imported:", failure.errors) from None
    return Outcome(summary=str(report), lines=[f"{run.filename}: {report}.", *report.details()])
