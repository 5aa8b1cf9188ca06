"""Figure-by-figure comparison of two `calculate --format json` objects (section 4)."""

import re
from decimal import Decimal

REP_FIGURES = ["credit", "quota", "ytd_quota", "attainment", "earned", "draw_paid", "recovered", "payable", "balance"]
ISSUE_CODES = {"split_total", "clawback_window_passed", "cancel_before_close", "not_eligible"}


def _decimal(value):
    return None if value is None else Decimal(str(value))


def _line_key(line):
    rep = str(line["rep"]).strip().lower()
    if line["kind"] == "true_up":
        return ("true_up", rep, line["period"])
    if line["kind"] == "bonus" and line.get("deal_id") is None:
        return ("bonus", rep, line["period"], line.get("bonus"))
    if line["kind"] == "bonus":
        return ("bonus", line.get("row"), line.get("bonus"))
    return (line["kind"], line.get("row"))


def _lines(document):
    result = {}
    for line in document.get("lines", []):
        key = _line_key(line)
        amount = _decimal(line["amount"])
        if key in result:
            result[key] = (result[key][0] + amount, line)
        else:
            result[key] = (amount, line)
    return result


def _reps(document):
    return {(str(r["rep"]).strip().lower(), r["period"]): r for r in document.get("reps", [])}


def _issues(document):
    found = set()
    for issue in document.get("issues", []) or []:
        if issue.get("code") in ISSUE_CODES:
            found.add((issue["code"], issue.get("deal_id"), issue.get("row")))
    return found


def compare(actual, expected):
    """Differences as (where, what, actual, expected) tuples; empty when they agree."""
    differences = []
    got, want = _lines(actual), _lines(expected)
    for key in sorted(set(got) | set(want), key=str):
        a = got.get(key, (Decimal(0), None))[0]
        e = want.get(key, (Decimal(0), None))[0]
        line = (got.get(key) or want.get(key))[1]
        if a != e:
            differences.append((f"line {key} {line.get('rep')} {line.get('period')}", "amount", str(a), str(e)))
        if key in got and key in want:
            mine, theirs = got[key][1], want[key][1]
            if mine.get("period") != theirs.get("period"):
                differences.append((f"line {key} {line.get('rep')}", "period", mine.get("period"), theirs.get("period")))
            if _decimal(mine.get("credit")) != _decimal(theirs.get("credit")):
                differences.append((f"line {key} {line.get('rep')}", "credit", str(mine.get("credit")), str(theirs.get("credit"))))
    got, want = _reps(actual), _reps(expected)
    for key in sorted(set(got) | set(want), key=str):
        a, e = got.get(key), want.get(key)
        if a is None or e is None:
            present = a or e
            if any(_decimal(present.get(f)) not in (None, Decimal(0)) for f in ("earned", "payable", "credit", "balance")):
                differences.append((f"rep-period {key}", "present", "yes" if a else "no", "yes" if e else "no"))
            continue
        for figure in REP_FIGURES:
            if figure not in e:
                continue
            x, y = _decimal(a.get(figure)), _decimal(e.get(figure))
            if figure == "attainment" and x is not None and y is not None:
                if abs(x - y) <= Decimal("0.000001"):
                    continue
            elif x == y:
                continue
            differences.append((f"rep-period {key}", figure, str(a.get(figure)), str(e.get(figure))))
    got, want = _issues(actual), _issues(expected)
    for issue in sorted(got ^ want, key=str):
        differences.append((f"issue {issue}", "present", "yes" if issue in got else "no", "yes" if issue in want else "no"))
    return differences


PLAIN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
LINE_KEYS = ["deal_id", "rep", "period", "kind", "credit", "amount", "explanation"]
REP_KEYS = ["rep", "period", "credit", "quota", "attainment", "earned", "payable", "balance"]
LABELS = {"month": r"^[0-9]{4}-(0[1-9]|1[0-2])$", "quarter": r"^[0-9]{4}-Q[1-4]$", "year": r"^[0-9]{4}$"}


def shape(document, period_kind):
    """Where `document` departs from section 4's shape: keys, money as plain decimal text, labels."""
    problems = []
    label = re.compile(LABELS[period_kind])
    for key in ("plan", "currency", "lines", "reps"):
        if key not in document:
            problems.append(("shape", f"no '{key}'", "", ""))
    for line in document.get("lines", []):
        for key in LINE_KEYS:
            if key not in line:
                problems.append(("shape line", f"no '{key}'", json_text(line), ""))
        if line.get("kind") not in ("commission", "bonus", "true_up", "clawback"):
            problems.append(("shape line", "kind", str(line.get("kind")), "commission|bonus|true_up|clawback"))
        for key in ("credit", "amount"):
            value = line.get(key)
            if value is not None and not (isinstance(value, str) and PLAIN.match(value)):
                problems.append(("shape line", key, repr(value), "plain decimal text"))
        if not label.match(str(line.get("period"))):
            problems.append(("shape line", "period", str(line.get("period")), LABELS[period_kind]))
        explanation = line.get("explanation")
        if not isinstance(explanation, str) or "\n" in explanation or (not explanation and line.get("amount") not in ("0", "0.00")):
            problems.append(("shape line", "explanation", repr(explanation), "one line of text"))
    for rep in document.get("reps", []):
        for key in REP_KEYS:
            if key not in rep:
                problems.append(("shape rep", f"no '{key}'", json_text(rep), ""))
        for key in ("credit", "quota", "attainment", "earned", "payable", "balance"):
            value = rep.get(key)
            if value is not None and not (isinstance(value, str) and PLAIN.match(value)):
                problems.append(("shape rep", key, repr(value), "plain decimal text"))
        if not label.match(str(rep.get("period"))):
            problems.append(("shape rep", "period", str(rep.get("period")), LABELS[period_kind]))
    return problems


def json_text(value):
    import json

    return json.dumps(value, ensure_ascii=False)[:120]
