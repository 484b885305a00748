"""One date format per language (FORMAT_MODULE_PATH): "15 januari 2027" and
"15 January 2027". Templates print dates with `|date` (DATE_FORMAT) or a named format
(`|date:"DATETIME_FORMAT"`), never a format string of their own; tests/test_date_formats.py
checks that."""
