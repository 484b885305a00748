from django.core.management.base import BaseCommand

from members.notifications import deliver_due


class Command(BaseCommand):
    help = "Try again the e-mails the mail server has not accepted yet, when they are due."

    def handle(self, *args, **options):
        sent, failed = deliver_due()
        self.stdout.write(f"Sent {sent}; {failed} still failing.")
