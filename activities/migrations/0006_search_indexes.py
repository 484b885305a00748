"""GIN indexes for the Swedish full-text search on PostgreSQL, made from the same list of
searched fields and the same SearchVector as the query (activities/search_fields.py), so
they index exactly the expressions activities/search.py filters on. SQLite, the embedded
demo, searches without them."""

from django.db import migrations

from activities.status.search_fields import search_indexes_create, search_indexes_drop


class Migration(migrations.Migration):
    dependencies = [("activities", "0005_report_include_trends")]

    operations = [migrations.RunPython(search_indexes_create, search_indexes_drop)]
