"""On PostgreSQL the search's filter can use its GIN indexes: the indexes (migration 0006)
and the query (activities/search.py) are built from one list of searched fields."""

import pytest
from django.apps import apps
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from activities.status.search_fields import CONFIG, SEARCHED_FIELDS, search_vector

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the GIN indexes are PostgreSQL's"
    ),
]


@pytest.mark.parametrize("model_name", sorted(SEARCHED_FIELDS))
def test_the_search_filter_uses_the_gin_index(model_name):
    model = apps.get_model("activities", model_name)
    query = SearchQuery("utbildningar", config=CONFIG, search_type="websearch")
    rows = (
        model.objects.order_by()
        .annotate(vector=search_vector(SEARCHED_FIELDS[model_name]))
        .filter(vector=query)
    )
    with connection.cursor() as cursor:
        # The test tables are nearly empty: without this the planner would rather read them
        # whole, or walk another index and filter. A GIN index is read by a bitmap scan,
        # so with plain scans off it is the only way left, if the filter can use it at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    assert f"{model._meta.db_table}_fts" in rows.explain()
