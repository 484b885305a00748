from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = _("Groups and people")

    def ready(self):
        from . import changes, sign_in_receivers

        changes.connect()
        sign_in_receivers.connect()
