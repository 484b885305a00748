import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members import services
from members.emails import canonical_email
from members.models import CoordinationGroup, User


class Command(BaseCommand):
    help = (
        "Create a coordination group (if it does not exist) and its first coordinator. "
        "The password is asked for, or read from SAMORDNING_PASSWORD with --no-input."
    )

    def add_arguments(self, parser):
        parser.add_argument("--group-slug", required=True)
        parser.add_argument("--group-name", help="Required when the group does not exist yet.")
        parser.add_argument("--county", help="Required when the group does not exist yet.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--full-name", required=True)
        parser.add_argument("--title", default="Samordnare")
        parser.add_argument("--no-input", action="store_true")

    def handle(self, *args, **options):
        from django.contrib.auth.password_validation import validate_password

        group = CoordinationGroup.objects.filter(slug=options["group_slug"]).first()
        if group is None and not (options["group_name"] and options["county"]):
            raise CommandError(
                "The group does not exist: give --group-name and --county to create it."
            )
        email = canonical_email(options["email"])
        user = User.objects.by_email(email).first()
        password = None
        if user is None:
            if options["no_input"]:
                password = os.environ.get("SAMORDNING_PASSWORD", "")
            else:
                password = getpass.getpass("Password: ")
                if password != getpass.getpass("Password again: "):
                    raise CommandError("The passwords are not the same.")
            candidate = User(email=email, full_name=options["full_name"])
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            if group is None:
                group = services.group_create(
                    slug=options["group_slug"], name=options["group_name"], county=options["county"]
                )
            if user is None:
                user = User.objects.create_user(
                    email, password, full_name=options["full_name"], title=options["title"]
                )
            services.coordinator_appoint(group=group, user=user)
        if user.is_blocked:
            self.stdout.write(
                self.style.WARNING(f"{user.email} is blocked: lift the block in the admin.")
            )
        self.stdout.write(self.style.SUCCESS(f"{user.email} coordinates {group.name}."))
