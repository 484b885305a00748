import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from samordning.demo.scale import SCALE_PASSWORD, generate


class Command(BaseCommand):
    help = (
        "Generate national-scale data for performance work: one group per county with years "
        "of quarterly periods, answers, records and reports (only with DEBUG on, or --force)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=21, help="number of groups (21)")
        parser.add_argument("--years", type=int, default=10, help="years of quarters (10)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
        parser.add_argument(
            "--force", action="store_true", help="run even with DEBUG off (not in production!)"
        )

    def handle(self, *args, groups, years, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The scale data fills the database with generated groups: it refuses to run "
                "with DEBUG off. Give --force if this really is not a production database."
            )
        if groups < 1 or years < 1:
            raise CommandError("--groups and --years must be at least 1.")
        started = time.monotonic()
        counts, skipped = generate(
            groups=groups,
            years=years,
            seed=seed,
            log=self.stdout.write if options["verbosity"] > 1 else None,
        )
        if connection.vendor == "postgresql" and counts:
            # Bulk inserts leave the planner without statistics until autovacuum gets
            # round to the tables; without them it chose parallel hash joins for lookups
            # of a few rows (5 ms instead of 0.4 ms on the submission page).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label:<32} {count:>9}")
        if skipped:
            self.stdout.write(f"Skipped {len(skipped)} groups that exist already.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {sum(counts.values())} rows in {elapsed:.1f} s. "
                f"Everyone's password is '{SCALE_PASSWORD}'."
            )
        )
