from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = _("Groups and people")

    def ready(self):
        from django.contrib.auth import signals

        from . import audit, changes

        changes.connect()

        def signed_in(sender, request, user, **kwargs):
            import time

            request.session["signed_in_at"] = request.session["last_activity"] = time.time()
            request.session["generation"] = user.session_generation
            audit.record("members.sign_in", actor=user)

        def sign_in_failed(sender, credentials, request=None, **kwargs):
            # The address tried, never the password.
            audit.record("members.sign_in_failed", detail=credentials.get("username", ""))

        def signed_out(sender, request, user, **kwargs):
            if user is not None:
                # Signing out here signs the person out everywhere.
                from django.contrib.auth import get_user_model
                from django.db.models import F

                get_user_model().objects.filter(pk=user.pk).update(
                    session_generation=F("session_generation") + 1
                )
                audit.record("members.sign_out", actor=user)

        def locked_out(sender, request, username, ip_address, **kwargs):
            audit.record("security.lockout", detail=username, ip=ip_address)

        from axes.signals import user_locked_out

        user_locked_out.connect(locked_out, dispatch_uid="audit_lockout")
        signals.user_logged_in.connect(signed_in, dispatch_uid="audit_sign_in")
        signals.user_login_failed.connect(sign_in_failed, dispatch_uid="audit_sign_in_failed")
        signals.user_logged_out.connect(signed_out, dispatch_uid="audit_sign_out")
