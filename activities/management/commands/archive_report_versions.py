from django.core.management.base import BaseCommand

from activities.models import ReportVersion
from activities.reports.services import version_archive_copy


class Command(BaseCommand):
    help = (
        "Store the archive copy (PDF/A) of every published report version that has none "
        "(versions published before archive copies were made), from its frozen content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--group", help="Only this group's versions (its slug).")

    def handle(self, *args, **options):
        versions = ReportVersion.objects.filter(archive_pdf="").order_by("pk")
        if options["group"]:
            versions = versions.filter(report__group__slug=options["group"])
        stored = sum(version_archive_copy(version) for version in versions.iterator())
        self.stdout.write(self.style.SUCCESS(f"Stored {stored} archive copies."))
