"""One word per thing (docs/terms.md): the Swedish catalogue uses the chosen words, and
the report editor's "Order" fields have a Swedish label."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from .conftest import make_report

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/sv/LC_MESSAGES/django.po"
# A word replaced by the term list → the word used instead.
REPLACED = {
    r"\breturner": "skicka tillbaka",
    r"\binlämning": "svar",
    r"\bposter\b": "uppgifter",
}


def test_the_swedish_catalogue_uses_the_words_of_the_term_list():
    translations = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', CATALOGUE.read_text(), re.M)
    found = [
        (text, instead)
        for text in translations
        for word, instead in REPLACED.items()
        if re.search(word, text, re.IGNORECASE)
    ]
    assert not found, found


@pytest.mark.django_db
def test_the_report_editor_labels_the_order_fields_in_swedish(world, client):
    report = make_report(world.group)
    client.force_login(world.coordinator)
    page = client.get(reverse("activities:report_edit", args=[world.group.slug, report.pk]))
    html = page.content.decode()
    assert re.search(r"<label[^>]*>\s*Ordning", html)
    assert not re.search(r"<label[^>]*>\s*Order\b", html)
