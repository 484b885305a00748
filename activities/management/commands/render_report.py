from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from activities.models import Report, ReportVersion
from activities.reports.content import compile_content, public_edition
from activities.reports.odt import render_odt
from activities.reports.render import render_docx, render_html_document, render_pdf


class Command(BaseCommand):
    help = (
        "Render a published version of a group's status report (or a draft) to PDF, "
        "Word, ODT or HTML, without the web server."
    )

    def add_base_argument(self, parser, *args, **kwargs):
        if "--version" in args:
            return  # here --version names a report version, not Django's
        super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--group", required=True, help="The group's slug.")
        parser.add_argument("--version", default="latest", help="A version number or 'latest'.")
        parser.add_argument("--draft", type=int, help="Render this draft report instead.")
        parser.add_argument("--format", choices=["pdf", "docx", "odt", "html"], default="pdf")
        parser.add_argument("--public", action="store_true", help="The public edition.")
        parser.add_argument("--output", required=True)

    def handle(self, *args, **options):
        if options["draft"]:
            report = Report.objects.filter(
                group__slug=options["group"], pk=options["draft"]
            ).first()
            if report is None:
                raise CommandError("No such draft report in that group.")
            content = compile_content(report)
        else:
            versions = ReportVersion.objects.filter(report__group__slug=options["group"])
            if options["version"] == "latest":
                version = versions.order_by("-published_at").first()
            else:
                version = (
                    versions.filter(number=int(options["version"]))
                    .order_by("-published_at")
                    .first()
                )
            if version is None:
                raise CommandError("No such published version in that group.")
            content = version.content
            if options["format"] in ("pdf", "docx", "odt"):
                # A published version's files were made once, when it was published.
                stored = getattr(
                    version, f"{'public_' if options['public'] else ''}{options['format']}"
                )
                if not stored:
                    raise CommandError(
                        "That version was published before it had a file in this format."
                    )
                data = stored.open("rb").read()
                Path(options["output"]).write_bytes(data)
                self.stdout.write(
                    self.style.SUCCESS(f"Wrote {len(data)} bytes to {options['output']}.")
                )
                return
        if options["public"]:
            content = public_edition(content)
        renderers = {
            "pdf": render_pdf,
            "docx": render_docx,
            "odt": render_odt,
            "html": lambda c: render_html_document(c).encode(),
        }
        data = renderers[options["format"]](content)
        Path(options["output"]).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(data)} bytes to {options['output']}."))
