"""Reads of the organisations' records."""

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
