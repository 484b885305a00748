"""Reads of the organisations' records."""

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce

from .kinds import KINDS, record_data


def records_current_in(period, organisation):
    """{kind slug: [record data]} of the organisation's records in force during the period."""
    return {
        slug: [
            record_data(spec, record)
            for record in spec.model.objects.filter(organisation=organisation)
            .current_in(period)
            .select_related(*spec.select_related)
            .prefetch_related(*spec.prefetch_related)
        ]
        for slug, spec in KINDS.items()
    }


# The columns a records list can be sorted by, per kind: the value of ?ordning= (Swedish,
# as it shows in the address) → the fields to order by. Only these are accepted: any other
# value falls back to the kind's default, which is its model's own ordering.
_ORGANISATION = (F("organisation__order").asc(), F("organisation__name").asc())
_PRIORITY = Case(
    When(priority="high", then=Value(0)),
    When(priority="medium", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)
SORTS = {
    "aktiviteter": {
        "titel": ("title",),
        "organisation": _ORGANISATION,
        "typ": ("kind",),
        "status": ("status",),
        "datum": ("starts_on",),
    },
    "styrdokument": {
        "titel": ("title",),
        "organisation": _ORGANISATION,
        "typ": ("kind",),
        "status": ("status",),
        "antagen": ("adopted_on",),
    },
    "samverkan": {
        "organisation": _ORGANISATION,
        "part": (Coalesce("partner__name", "outside_partner"),),
        "niva": ("level",),
        "sedan": ("since",),
    },
    "behov": {
        "typ": ("kind",),
        "organisation": _ORGANISATION,
        "prioritet": (_PRIORITY,),
        "noterat": ("noted_on",),
    },
}
DEFAULT_SORT = {
    "aktiviteter": "-datum",
    "styrdokument": "titel",
    "samverkan": "organisation",
    "behov": "-noterat",
}


@dataclass(frozen=True)
class Sort:
    """The order of a records list: a column key and a direction."""

    key: str
    descending: bool

    @property
    def value(self):
        return f"-{self.key}" if self.descending else self.key


def record_sort(kind_slug, value):
    """The sort asked for in ?ordning=, or the kind's default if it is not one we allow."""
    allowed = SORTS[kind_slug]
    value = value or ""
    key = value.removeprefix("-")
    if key not in allowed:
        value = DEFAULT_SORT[kind_slug]
        key = value.removeprefix("-")
    return Sort(key=key, descending=value.startswith("-"))


def _ordered(expression, descending):
    if isinstance(expression, str):
        expression = F(expression)
    if hasattr(expression, "descending"):  # already an OrderBy (organisation)
        expression = expression.expression
    return expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)


def records_for_list(spec, group, sort):
    """One kind's records of the group in the asked order (ties by the kind's own order)."""
    fields = [_ordered(expression, sort.descending) for expression in SORTS[spec.slug][sort.key]]
    return spec.queryset(group).order_by(*fields, *spec.model._meta.ordering, "pk")
