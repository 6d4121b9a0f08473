"""Background work: the task queue's retry policy, its worker command and the email it delivers."""

from django.apps import AppConfig
from django_tasks_db.apps import TasksAppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    default = True
    name = "jobs"
    verbose_name = "Background workers"


class TaskQueueConfig(TasksAppConfig):
    """The task framework's database queue, named in the admin for what it holds.

    Subclassing an app's config is Django's way to rename it; INSTALLED_APPS names this class.
    """

    default = False
    verbose_name = "Background jobs"
