from django.apps import AppConfig


class CitationsConfig(AppConfig):
    name = "citations"
    verbose_name = "Source library"

    def ready(self):
        from citations import receivers  # noqa: F401 (connects them)
        from citations.runs import run_sources
        from imports import kinds

        kinds.register(
            kinds.Kind(
                name="sources",
                label="source file (CSL-JSON or BibTeX)",
                # As SourceAdmin.may_import: adding sources, over anyone's.
                permissions=("citations.add_source", "citations.edit_others_sources"),
                upload_url="admin:citations_source_import",
                run=run_sources,
            )
        )
