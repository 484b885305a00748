from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "activities"
    verbose_name = _("Reporting and reports")

    def ready(self):
        from activities.transfer.services import MODELS
        from members import changes
        from members.models import AuditEvent

        # Every model a group export carries shows on the group's pages, except the audit
        # log, which is never shared between people and is written on reading too.
        for model, lookup in MODELS:
            if model is not AuditEvent:
                changes.watch(model, lookup)
