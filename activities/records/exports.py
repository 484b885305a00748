"""CSV and XLSX exports of record lists, safe to open in a spreadsheet."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A cell starting with one of these can be read as a formula (or a DDE command) by
# spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\n", "\x00")


def neutralise(value):
    """The value as text that a spreadsheet shows but never evaluates."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename, headers, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    # The byte order mark makes Excel read the file as UTF-8 (å, ä, ö).
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename, title, headers, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(h)) for h in headers])
    for row in rows:
        # Every value is written as text, so nothing is ever taken as a formula; control
        # characters that the file format cannot hold are dropped.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(v)) for v in row])
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
