#!/usr/bin/env python3
"""Reads a file to rows the way each peer reader does, touching every value; prints the row count.

usage: peers.py calamine|fastexcel|openpyxl|pandas|csv FILE
"""
import sys


def calamine(path):
    import python_calamine
    sheet = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0)
    return sum(1 for _ in sheet.to_python())


def fastexcel_arrow(path):
    """Loads the first sheet and exports it as one Arrow record batch (the PyCapsule interface, so
    no pyarrow is needed): every column is built in Arrow memory, as `to_arrow()` would."""
    import fastexcel
    sheet = fastexcel.read_excel(path).load_sheet(0)
    sheet.__arrow_c_array__()
    return sheet.height


def openpyxl_read_only(path):
    import openpyxl
    workbook = openpyxl.load_workbook(path, read_only=True)
    return sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))


def pandas_c(path):
    import pandas
    return len(pandas.read_csv(path, engine="c", dtype=str, keep_default_na=False))


def python_csv(path):
    import csv
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle))


if __name__ == "__main__":
    readers = {"calamine": calamine, "fastexcel": fastexcel_arrow, "openpyxl": openpyxl_read_only,
               "pandas": pandas_c, "csv": python_csv}
    print(readers[sys.argv[1]](sys.argv[2]))
