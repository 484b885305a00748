from django.core.management.base import BaseCommand

from activities.reporting.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Send the day's reminders: periods that opened, deadlines that approach, returned "
        "answers not resubmitted. Safe to run more than once a day: nothing is sent twice."
    )

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(
            "Checked {opened} organisation-periods; deadline reminders for {deadline}; "
            "return reminders for {returned}.".format(**counts)
        )
