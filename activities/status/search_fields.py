"""The fields the group search looks in, per model: one list from which both the PostgreSQL
query (activities/search.py) and its GIN indexes (migration 0006) are built.

PostgreSQL uses an expression index only for a query with the same expression, so the index
is made from the very SearchVector the query filters on, not written out a second time.
Changing a model's fields here changes the query at once but the index only on a new
database: add a migration that runs `search_indexes_drop` and `search_indexes_create` for
that model. This module imports no model, so that migrations may import it.
"""

CONFIG = "swedish"

SEARCHED_FIELDS = {
    # model name in the activities app: its searched text fields, in the order joined
    "answer": ("text",),
    "activity": ("title", "description"),
    "steeringdocument": ("title",),
    "collaboration": ("description", "outside_partner"),
    "need": ("description",),
    "reportversion": ("search_text",),
}


def search_vector(fields):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*fields, config=CONFIG)


def search_index(model):
    """The GIN index on the search vector of `model` (a current or a historical model)."""
    from django.contrib.postgres.indexes import GinIndex

    fields = SEARCHED_FIELDS[model._meta.model_name]
    return GinIndex(search_vector(fields), name=f"{model._meta.db_table}_fts")


def search_indexes_create(apps, schema_editor, model_names=tuple(SEARCHED_FIELDS)):
    """For a RunPython migration; SQLite, the embedded demo, searches without indexes."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in model_names:
        model = apps.get_model("activities", model_name)
        schema_editor.add_index(model, search_index(model))


def search_indexes_drop(apps, schema_editor, model_names=tuple(SEARCHED_FIELDS)):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in model_names:
        model = apps.get_model("activities", model_name)
        schema_editor.execute(f"DROP INDEX IF EXISTS {model._meta.db_table}_fts")
