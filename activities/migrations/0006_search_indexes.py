"""GIN indexes for the Swedish full-text search on PostgreSQL, on exactly the expressions
activities/search.py filters on (SearchVector of the same fields with config "swedish").
SQLite, the embedded demo, searches without them."""

from django.db import migrations

SEARCHED = {
    "activities_answer": ["text"],
    "activities_activity": ["title", "description"],
    "activities_steeringdocument": ["title"],
    "activities_collaboration": ["description", "outside_partner"],
    "activities_need": ["description"],
    "activities_reportversion": ["search_text"],
}


def _expression(fields):
    return " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in SEARCHED.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_fts ON {table} "
            f"USING gin (to_tsvector('swedish'::regconfig, {_expression(fields)}))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")


class Migration(migrations.Migration):
    dependencies = [("activities", "0005_report_include_trends")]

    operations = [migrations.RunPython(create, drop)]
