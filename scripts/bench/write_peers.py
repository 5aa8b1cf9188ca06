#!/usr/bin/env python3
"""The Python peers for scripts/bench-write: the benchmark CSV to XLSX, columns 3 to 7 as numbers.

usage: write_peers.py xlsxwriter|openpyxl IN.csv OUT.xlsx
XlsxWriter runs in constant-memory mode, openpyxl in write-only mode.
"""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        for index, record in enumerate(csv.reader(handle)):
            if index > 0:
                record = [float(v) if 3 <= i <= 7 and v else v for i, v in enumerate(record)]
            yield record


def xlsxwriter(source, target):
    import xlsxwriter as xw
    workbook = xw.Workbook(target, {"constant_memory": True})
    sheet = workbook.add_worksheet("Deals")
    for r, record in enumerate(rows(source)):
        for c, value in enumerate(record):
            if value != "":
                sheet.write(r, c, value)
    workbook.close()


def openpyxl_write_only(source, target):
    import openpyxl
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Deals")
    for record in rows(source):
        sheet.append([v if v != "" else None for v in record])
    workbook.save(target)


if __name__ == "__main__":
    {"xlsxwriter": xlsxwriter, "openpyxl": openpyxl_write_only}[sys.argv[1]](sys.argv[2], sys.argv[3])
