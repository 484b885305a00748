"""One date format per language: "15 januari 2027" in Swedish, "15 January 2027" in
English (samordning/formats), and no template with a date format of its own."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
NAMED = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "TIME_FORMAT",
    "c",  # ISO 8601 for machines: <time datetime="…">, never shown to a person
}
FORMAT_ARGUMENT = re.compile(r"""\|(?:date|time):\s*(["'])(.*?)\1|\{%\s*now\s+(["'])(.*?)\3""")


def test_no_template_hard_codes_a_date_format():
    found = []
    for path in TEMPLATES.rglob("*"):
        if path.suffix not in {".html", ".txt"}:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for match in FORMAT_ARGUMENT.finditer(line):
                wanted = match.group(2) if match.group(2) is not None else match.group(4)
                if wanted not in NAMED:
                    found.append(f"{path.relative_to(TEMPLATES)}:{number}: {wanted}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("language", "day", "moment", "month"),
    [
        ("sv", "15 januari 2027", "15 januari 2027 14:05", "januari 2027"),
        ("en", "15 January 2027", "15 January 2027 14:05", "January 2027"),
    ],
)
def test_each_language_prints_dates_one_way(language, day, moment, month):
    template = Template(
        '{{ d|date }}|{{ t|date:"DATETIME_FORMAT" }}|{{ d|date:"YEAR_MONTH_FORMAT" }}'
    )
    with translation.override(language):
        shown = template.render(
            Context({"d": date(2027, 1, 15), "t": datetime(2027, 1, 15, 14, 5)})
        )
    assert shown == f"{day}|{moment}|{month}"
