import json
import os

from django.core.management.base import BaseCommand, CommandError

from activities.transfer.services import HELP, TransferError, export_group, summary
from members import audit
from members.models import CoordinationGroup


class Command(BaseCommand):
    help = (
        "Write a whole coordination group to one JSON file, stored files included, for "
        "import_group in another installation. " + HELP + " The file holds password "
        "hashes: it is written readable by its owner only; keep it as you keep a backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The group's slug.")
        parser.add_argument("--output", required=True, help="The JSON file to write.")

    def handle(self, *args, **options):
        group = CoordinationGroup.objects.filter(slug=options["slug"]).first()
        if group is None:
            raise CommandError(f"No group with the short address “{options['slug']}”.")
        try:
            data = export_group(group)
        except TransferError as error:
            raise CommandError(str(error)) from error
        descriptor = os.open(options["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "w", encoding="utf-8") as output:
            json.dump(data, output, ensure_ascii=False)
        audit.record("activities.group.exported", group=group, detail=options["output"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {group.slug} to {options['output']}: {summary(data['rows'])}."
            )
        )
