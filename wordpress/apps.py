from django.apps import AppConfig


class WordpressConfig(AppConfig):
    name = "wordpress"
    verbose_name = "WordPress import"

    def ready(self):
        from imports import kinds
        from wordpress.admin import IMPORT_PERMISSIONS
        from wordpress.runs import run_export

        kinds.register(
            kinds.Kind(
                name="wordpress",
                label="WordPress export",
                permissions=IMPORT_PERMISSIONS,
                upload_url="admin:wordpress_import",
                run=run_export,
            )
        )
