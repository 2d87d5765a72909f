"""CSV downloads that spreadsheet programs open as the person expects: UTF-8 with a byte order
mark, semicolons (the separator of Finnish Excel), and no cell that could run as a formula."""

import csv

from django.http import HttpResponse

# Characters that make a spreadsheet treat a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_download(filename: str) -> tuple[HttpResponse, "csv.writer"]:
    """A private, uncached download and a writer for its rows (pass cells through csv_cell)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # lets spreadsheet programs see UTF-8
    return response, csv.writer(response, delimiter=";")
