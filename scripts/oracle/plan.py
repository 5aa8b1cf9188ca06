"""The plan file of shared/docs/plan-format.md section 2, read into plain values.

Everything the contract leaves open is refused here (`PlanError`, exit status 2) rather than
guessed; `OPEN` lists those points, and the fuzzer does not generate them on purpose.
"""

from decimal import Decimal, InvalidOperation

import miniyaml


class PlanError(Exception):
    """A plan the calculation cannot run on: the message names line and column."""


OPEN = [
    "`from` written as a percentage under metric: amount",
    "a plan `draw:` without `amount` or `recoverable`",
    "`clawback:` without `window_days`",
    "a bonus with both or neither of per_deal / at_attainment",
]

KEYS = {
    "": {"plan", "currency", "period", "fiscal_year_start", "rounding", "tolerance", "eligible",
         "commission", "bonuses", "clawback", "draw", "reps", "columns"},
    "rounding": {"places", "mode", "level"},
    "eligible": {"status"},
    "commission": {"tiers", "overrides", "gate", "cap"},
    "commission.tiers": {"metric", "basis", "mode", "table"},
    "commission.tiers.table[]": {"from", "rate"},
    "commission.overrides[]": {"when", "rate", "multiplier"},
    "commission.overrides[].when": {"product", "type"},
    "commission.cap": {"per_deal", "per_period"},
    "bonuses[]": {"name", "per_deal", "when", "counts_toward_cap", "at_attainment", "amount"},
    "bonuses[].when": {"product", "type", "from", "to"},
    "clawback": {"statuses", "window_days"},
    "draw": {"amount", "recoverable"},
    "reps[]": {"id", "name", "team", "quota", "annual_quota", "start", "end", "draw"},
}


def where(node, key=None):
    if isinstance(node, miniyaml.Mapping):
        line, column = node.positions.get(key, (node.line, node.column)) if key else (node.line, node.column)
        return f"{line}:{column}"
    if isinstance(node, miniyaml.Scalar):
        return f"{node.line}:{node.column}"
    return "?"


def fail(node, key, message):
    raise PlanError(f"plan:{where(node, key)}: {message}")


def check_keys(node, path):
    if node is None:
        return
    if not isinstance(node, dict):
        raise PlanError(f"plan:{where(node)}: '{path}' must be a mapping")
    allowed = KEYS[path]
    for key in node:
        if key not in allowed:
            fail(node, key, f"unknown key '{key}' in '{path or 'plan'}'")


def decimal(node, parent, key, what="a number"):
    value = parent.get(key) if isinstance(parent, dict) else node
    if value is None or isinstance(value, (dict, list)):
        fail(parent, key, f"'{key}' must be {what}")
    try:
        result = Decimal(str(value).strip())
    except InvalidOperation:
        fail(parent, key, f"'{key}' must be {what}, found '{value}'")
    if not result.is_finite():
        fail(parent, key, f"'{key}' must be {what}, found '{value}'")
    return result


def money(parent, key):
    text = parent.get(key)
    if text is not None and "%" in str(text):
        fail(parent, key, f"'{key}' is money, found a percentage '{text}'")
    return decimal(None, parent, key, "money")


def percent(parent, key):
    """`8%` or `0.08`. A bare number above 1 is refused: the contract does not say what it means."""
    text = parent.get(key)
    if text is None:
        fail(parent, key, f"'{key}' is missing")
    text = str(text).strip()
    if text.endswith("%"):
        try:
            return Decimal(text[:-1].strip()) / 100
        except InvalidOperation:
            fail(parent, key, f"'{key}' must be a percentage, found '{text}'")
    value = decimal(None, parent, key, "a percentage")
    return value


def rate_fraction(parent, key):
    text = str(parent.get(key, "")).strip()
    return percent(parent, key)


def choice(parent, key, options, default=None):
    value = parent.get(key) if parent else None
    if value is None:
        if default is None:
            fail(parent, key, f"'{key}' is missing: {' | '.join(options)}")
        return default
    if str(value) not in options:
        fail(parent, key, f"'{key}' must be {' | '.join(options)}, found '{value}'")
    return str(value)


def boolean(parent, key, default):
    value = parent.get(key)
    if value is None:
        return default
    if str(value) in ("true", "True", "TRUE"):
        return True
    if str(value) in ("false", "False", "FALSE"):
        return False
    fail(parent, key, f"'{key}' must be true or false")


def text_list(parent, key):
    value = parent.get(key)
    if value is None:
        fail(parent, key, f"'{key}' is missing")
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def load(text):
    try:
        root = miniyaml.load(text)
    except miniyaml.YAMLError as error:
        raise PlanError(f"plan:{error}")
    if not isinstance(root, dict):
        raise PlanError("plan:1:1: the plan must be a mapping")
    check_keys(root, "")
    plan = {"name": str(root.get("plan") or ""), "currency": root.get("currency")}
    plan["tolerance"] = Decimal("0.01")  # the reconciler's (section 2); calculate does not read it
    if root.get("tolerance") is not None:
        plan["tolerance"] = decimal(None, root, "tolerance")
    plan["period"] = choice(root, "period", ["month", "quarter", "year"])
    plan["fys"] = 1
    if root.get("fiscal_year_start") is not None:
        fys = decimal(None, root, "fiscal_year_start")
        if fys != fys.to_integral_value() or not 1 <= fys <= 12:
            fail(root, "fiscal_year_start", "'fiscal_year_start' must be a month 1..12")
        plan["fys"] = int(fys)
    rounding = root.get("rounding") or miniyaml.Mapping()
    check_keys(rounding, "rounding")
    places = decimal(None, rounding, "places") if rounding.get("places") is not None else Decimal(2)
    if places != places.to_integral_value() or places < 0:
        fail(rounding, "places", "'places' must be a whole number")
    plan["places"] = int(places)
    plan["mode"] = choice(rounding, "mode", ["half_up", "half_even"], "half_up")
    plan["level"] = choice(rounding, "level", ["line", "period"], "line")
    eligible = root.get("eligible")
    check_keys(eligible, "eligible")
    plan["eligible"] = text_list(eligible, "status") if eligible is not None else None

    commission = root.get("commission")
    if commission is None:
        fail(root, None, "'commission' is missing")
    check_keys(commission, "commission")
    tiers = commission.get("tiers")
    if tiers is None:
        fail(commission, None, "'commission.tiers' is missing")
    check_keys(tiers, "commission.tiers")
    plan["metric"] = choice(tiers, "metric", ["attainment", "amount"])
    plan["basis"] = choice(tiers, "basis", ["per_deal", "period", "ytd"])
    plan["tier_mode"] = choice(tiers, "mode", ["marginal", "retroactive"])
    table = tiers.get("table")
    if not isinstance(table, list) or not table:
        fail(tiers, "table", "'table' must list at least one band")
    bands = []
    for row in table:
        check_keys(row, "commission.tiers.table[]")
        if plan["metric"] == "attainment":
            start = percent(row, "from")
        else:
            start = money(row, "from")
        bands.append((start, rate_fraction(row, "rate")))
    if bands[0][0] != 0:
        fail(table[0], "from", "the first band's 'from' must be 0")
    for (a, _), row in zip(zip(bands, bands[1:]), table[1:]):
        if not a[0] < _[0]:
            fail(row, "from", "'from' must be ascending")
    plan["bands"] = bands

    overrides = []
    for item in commission.get("overrides") or []:
        check_keys(item, "commission.overrides[]")
        when = item.get("when")
        if not when:
            fail(item, "when", "an override needs 'when'")
        check_keys(when, "commission.overrides[].when")
        if ("rate" in item) == ("multiplier" in item):
            fail(item, None, "an override has either 'rate' or 'multiplier'")
        entry = {"when": {k: str(v) for k, v in when.items()}}
        if "rate" in item:
            entry["rate"] = rate_fraction(item, "rate")
        else:
            entry["multiplier"] = decimal(None, item, "multiplier")
        overrides.append(entry)
    plan["overrides"] = overrides
    plan["gate"] = percent(commission, "gate") if commission.get("gate") is not None else None
    cap = commission.get("cap") or miniyaml.Mapping()
    check_keys(cap, "commission.cap")
    plan["cap_deal"] = money(cap, "per_deal") if cap.get("per_deal") is not None else None
    plan["cap_period"] = money(cap, "per_period") if cap.get("per_period") is not None else None

    bonuses = []
    for item in root.get("bonuses") or []:
        check_keys(item, "bonuses[]")
        entry = {"name": str(item.get("name") or ""), "counts": boolean(item, "counts_toward_cap", False)}
        has_deal, has_at = item.get("per_deal") is not None, item.get("at_attainment") is not None
        if has_deal == has_at:
            fail(item, None, "a bonus is either per_deal or at_attainment")
        if has_deal:
            entry["per_deal"] = money(item, "per_deal")
            when = item.get("when") or miniyaml.Mapping()
            check_keys(when, "bonuses[].when")
            entry["when"] = {k: str(v) for k, v in when.items() if k in ("product", "type")}
            entry["from"] = when.get("from") and str(when["from"])
            entry["to"] = when.get("to") and str(when["to"])
            if item.get("amount") is not None:
                fail(item, "amount", "'amount' belongs to an at_attainment bonus")
        else:
            entry["at"] = percent(item, "at_attainment")
            entry["amount"] = money(item, "amount")
            if item.get("when") is not None:
                fail(item, "when", "an at_attainment bonus has no 'when'")
        bonuses.append(entry)
    plan["bonuses"] = bonuses

    clawback = root.get("clawback")
    check_keys(clawback, "clawback")
    if clawback is not None:
        window = decimal(None, clawback, "window_days")
        plan["clawback"] = {"statuses": text_list(clawback, "statuses"), "window": window}
    else:
        plan["clawback"] = None
    draw = root.get("draw")
    check_keys(draw, "draw")
    if draw is not None:
        if draw.get("recoverable") is None:
            fail(draw, None, "'draw.recoverable' is missing")
        plan["draw"] = {"amount": money(draw, "amount"), "recoverable": boolean(draw, "recoverable", False)}
    else:
        plan["draw"] = None
    reps = root.get("reps")
    plan["reps"] = None
    if reps is not None:
        plan["reps"] = []
        for item in reps:
            check_keys(item, "reps[]")
            plan["reps"].append({k: (None if v is None else str(v)) for k, v in item.items()})
    columns = root.get("columns") or {}
    plan["columns"] = {k: str(v) for k, v in columns.items()}
    return plan
