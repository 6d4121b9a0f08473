"""A WordPress export uploaded in the admin, imported by the worker with the importer ``import_wxr`` runs."""

from django.contrib.auth import get_user_model

from imports.kinds import Outcome, Refused
from wordpress.importer import ImportStopped, import_wxr
from wordpress.mediafiles import MediaOptions
from wordpress.wxr import WXRError


def options_from_form(cleaned_data) -> dict:
    """The upload form's choices, as the JSON the job reads."""
    assign_to = cleaned_data["assign_to"]
    return {
        "dry_run": cleaned_data["dry_run"],
        "media": cleaned_data["media"],
        "assign_to": assign_to.pk if assign_to else None,
    }


def run_export(run, progress) -> Outcome:
    """Import the run's export; progress is how far through the file, and the items saved."""
    options = run.options
    assign_to = None
    if options.get("assign_to"):
        assign_to = get_user_model().objects.filter(pk=options["assign_to"]).first()
        if assign_to is None:
            raise Refused("The account the posts were to go to no longer exists. Nothing was imported.")
    with run.file.open("rb") as export:
        progress(phase="importing", total=run.file.size)

        def saved(report):
            progress(done=export.tell(), items=report.saved_items)

        try:
            report = import_wxr(
                export,
                dry_run=options.get("dry_run", False),
                assign_to=assign_to,
                imported_by=run.started_by,
                media=MediaOptions(copy=options.get("media", False)),
                progress=saved,
            )
        except ImportStopped as error:
            raise Refused(str(error), error.report.lines()) from None
        except WXRError as error:
            raise Refused(f"{error} Nothing was imported.") from None
    summary = next(line for line in report.summary_lines() if line.startswith("posts:"))
    return Outcome(summary=summary + (" (dry run)" if report.dry_run else ""), lines=report.lines())
