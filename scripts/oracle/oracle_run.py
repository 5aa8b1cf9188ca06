"""Runs the oracle on files: (exit status, the JSON object or the error text)."""
import csv
import io

import engine
import plan as plan_file


def read_csv(path, pins=None):
    """(headers, [(row number, {header: text})]): the header row is the first of the first 30
    that names every required field (section 7); the roster's is its first row."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return read_csv_text(handle.read(), pins)


def read_csv_text(text, pins=None):
    """read_csv on the text of a file."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    at = 0
    if pins is not None:
        for index, row in enumerate(rows[:30]):
            try:
                found = engine.map_columns(row, pins, engine.REQUIRED)
            except engine.DataError:
                found = {}
            if all(field in found for field in engine.REQUIRED):
                at = index
                break
    headers = rows[at]
    body = []
    for number, row in enumerate(rows[at + 1 :], start=at + 2):
        if not any(cell.strip() for cell in row):
            continue
        body.append((number, dict(zip(headers, row))))
    return headers, body


def run(plan_path, deals_path, roster_path=None):
    """(exit status, JSON object or error text)."""
    try:
        with open(plan_path, encoding="utf-8") as handle:
            plan = plan_file.load(handle.read())
        headers, rows = read_csv(deals_path, plan["columns"])
        roster = None
        if roster_path:
            roster_headers, roster_rows = read_csv(roster_path)
            roster = [row for _, row in roster_rows]
        return 0, engine.calculate(plan, headers, rows, roster)
    except (plan_file.PlanError, engine.DataError) as error:
        return 2, str(error)
