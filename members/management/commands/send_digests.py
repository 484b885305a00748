from django.core.management.base import BaseCommand

from members.notifications import send_digests


class Command(BaseCommand):
    help = "Send each person who chose a daily digest one e-mail with what waited for it."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent digests to {send_digests()} people.")
