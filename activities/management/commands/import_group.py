import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from activities.transfer.services import HELP, TransferError, import_group, summary
from members import audit


class Command(BaseCommand):
    help = (
        "Load a coordination group written by export_group, under new primary keys, in one "
        "transaction. People are matched by e-mail address and existing accounts are kept "
        "as they are; new people come active and without rights. A group with the same "
        "short address is refused, and so is a file that carries anything export_group does "
        "not write (another model, another field, a missing field, a wrong value, a link to "
        "a row it does not carry): then nothing is written. " + HELP
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file written by export_group.")

    def handle(self, *args, **options):
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        try:
            group = import_group(data)
        except TransferError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        audit.record("activities.group.imported", group=group, detail=options["file"])
        self.stdout.write(
            self.style.SUCCESS(f"Imported {group.slug} from a file of {summary(data['rows'])}.")
        )
