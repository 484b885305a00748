from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from samordning.demo.loader import DEMO_PASSWORD, demo_sign_ins, load_demo


class Command(BaseCommand):
    help = "Load the demo groups, organisations and people (idempotent; only with DEBUG on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo data is for trying the product: it refuses to run with DEBUG off."
            )
        # The demo's own history would otherwise print dozens of e-mails before you start.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            groups = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(groups)} groups."))
        self.stdout.write(
            f"Sign in at {settings.SITE_URL}/ with the password '{DEMO_PASSWORD}' as:"
        )
        for email, what in demo_sign_ins():
            self.stdout.write(f"  {email:<36} {what}")
