"""Which optional parts of a report's content are written: an empty part is left out of
every output (no heading, no contents entry, no page). The web and PDF template
(templates/reports/_body.html) asks the same questions in its own `{% if %}`s."""


def has_foreword(content):
    """A foreword with text or signatories (a place and date alone make none)."""
    foreword = content["foreword"]
    return bool(foreword["html"].strip() or foreword["signatories"])


def has_related(content):
    return bool(content["related"]["items"])


def has_appendix(content):
    appendix = content["appendix"]
    return bool(
        appendix["description_html"].strip() or appendix["contacts"] or appendix["organisations"]
    )
