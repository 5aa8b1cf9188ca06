"""The calculation of shared/docs/plan-format.md section 3, written from the contract alone.

`calculate(plan, deal_rows, roster_rows)` returns the JSON object of section 4 (money as
decimal text). Inputs are lists of dicts keyed by header, with their sheet row numbers.
"""

import calendar
import datetime
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from plan import PlanError

CENT = Decimal("0.01")
UNKNOWN = object()  # a figure the contract leaves open; not compared

SYNONYMS = {
    "deal_id": ["Deal ID", "Deal", "Opportunity ID", "Opportunity", "ID"],
    "rep": ["Rep", "Sales Rep", "Salesperson", "Owner", "Account Executive", "AE"],
    "date": ["Date", "Close Date", "Closed Date", "Date Closed", "Booking Date", "Deal Date"],
    "amount": ["Amount", "Deal Amount", "Deal Value", "ACV", "Booking", "Revenue"],
    "split": ["Split", "Split %", "Share", "Credit %"],
    "product": ["Product", "Product Line", "SKU"],
    "type": ["Type", "Deal Type"],
    "status": ["Status", "Stage"],
    "cancel_date": ["Cancel Date", "Cancelled", "Cancellation Date", "Refund Date"],
    "rate": ["Rate", "Commission Rate", "Comm %"],
    "commission": ["Commission", "Commission Earned", "Commission Amount", "Payout", "Comm"],
    "bonus": ["Bonus", "SPIFF"],
    "quota": ["Quota", "Target"],
}
REQUIRED = ["deal_id", "rep", "date", "amount"]


class DataError(Exception):
    """Inputs the run cannot use (exit status 2)."""


def normal(header):
    return "".join(c for c in header.lower() if c not in " _-.")


def map_columns(headers, pins, fields):
    """field -> header, by pins, field names and synonyms (1.3)."""
    mapping = {}
    by_key = {}
    for header in headers:
        by_key.setdefault(normal(header), []).append(header)
    for field in fields:
        if field in pins and normal(pins[field]) in by_key:
            mapping[field] = by_key[normal(pins[field])][0]
            continue
        names = {normal(field)} | {normal(s) for s in SYNONYMS.get(field, [])}
        found = [h for h in headers if normal(h) in names]
        if len(found) > 1:
            raise DataError(f"ambiguous column for {field}: {found}")
        if found:
            mapping[field] = found[0]
    return mapping


def rounded(value, places, mode):
    step = Decimal(1).scaleb(-places)
    return value.quantize(step, rounding=ROUND_HALF_UP if mode == "half_up" else ROUND_HALF_EVEN)


def cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_date(text, what):
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise DataError(f"{what}: expected a date, found '{text}'")


def parse_decimal(text, what):
    try:
        return Decimal(text.strip())
    except Exception:
        raise DataError(f"{what}: expected a number, found '{text}'")


def parse_split(text, what):
    text = (text or "").strip()
    if not text:
        return Decimal(1)
    value = parse_decimal(text[:-1], what) / 100 if text.endswith("%") else parse_decimal(text, what)
    if not 0 <= value <= 1:
        raise DataError(f"{what}: split {text} is neither 0%..100% nor 0..1")
    return value


# Periods ------------------------------------------------------------------------------------


class Periods:
    def __init__(self, kind, fys):
        self.kind, self.fys = kind, fys
        self.per_year = {"month": 12, "quarter": 4, "year": 1}[kind]

    def fiscal_year(self, day):
        return day.year if day.month >= self.fys else day.year - 1

    def of(self, day):
        """(start, end, label) of the period holding `day`."""
        if self.kind == "month":
            start = day.replace(day=1)
            return start, month_end(start), f"{day.year}-{day.month:02d}"
        fy = self.fiscal_year(day)
        offset = (day.month - self.fys) % 12
        size = 3 if self.kind == "quarter" else 12
        first = offset // size * size
        start = add_months(datetime.date(fy, self.fys, 1), first)
        end = add_months(start, size) - datetime.timedelta(days=1)
        label = f"{fy}-Q{first // 3 + 1}" if self.kind == "quarter" else f"{fy}"
        return start, end, label

    def year_bounds(self, fy):
        start = datetime.date(fy, self.fys, 1)
        return start, add_months(start, 12) - datetime.timedelta(days=1)

    def following(self, start):
        size = {"month": 1, "quarter": 3, "year": 12}[self.kind]
        return self.of(add_months(start, size))


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(start):
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def active_days(start, end, rep):
    low = max(start, rep["start"]) if rep["start"] else start
    high = min(end, rep["end"]) if rep["end"] else end
    return max(0, (high - low).days + 1)


def prorated(amount, start, end, rep):
    days = (end - start).days + 1
    active = active_days(start, end, rep)
    if active == days:
        return amount
    return cents(amount * active / days)


# Tiers ----------------------------------------------------------------------------------------


def band_of(bands, x):
    index = 0
    for i, (start, _) in enumerate(bands):
        if x >= start:
            index = i
    return index


def marginal(bands, low, high):
    """What [low, high) earns across the bands (negative when high < low); below 0 is band 0."""
    return sum((part * rate for part, rate in pieces(bands, low, high)), Decimal(0))


def pieces(bands, low, high):
    """The parts of [low, high) in each band, as (credit, rate); negative when high < low."""
    if high < low:
        return [(-part, rate) for part, rate in pieces(bands, high, low)]
    found = []
    for i, (start, rate) in enumerate(bands):
        lower = start if i > 0 else min(low, start)
        upper = bands[i + 1][0] if i + 1 < len(bands) else max(high, start)
        a, b = max(low, lower), min(high, upper)
        if b > a:
            found.append((b - a, rate))
    return found


# The run --------------------------------------------------------------------------------------


def matches(when, line):
    for key, wanted in when.items():
        if line.get(key) != wanted:
            return False
    return True


def read_roster(plan, roster_rows, periods):
    reps = []
    rows = roster_rows if roster_rows is not None else plan["reps"]
    if rows is None:
        return None
    for number, row in enumerate(rows, start=2):
        def get(field):
            value = row.get(field)
            return value.strip() if isinstance(value, str) and value.strip() else None

        rep = {"id": get("id"), "name": get("name"), "team": get("team")}
        if not rep["id"]:
            raise DataError(f"roster row {number}: no id")
        quota, annual = get("quota"), get("annual_quota")
        if quota and annual:
            raise DataError(f"roster row {number}: both quota and annual_quota (the contract does not say which wins)")
        if quota:
            rep["quota"] = parse_decimal(quota, "quota")
            rep["annual"] = rep["quota"] * periods.per_year
        elif annual:
            rep["annual"] = parse_decimal(annual, "annual_quota")
            rep["quota"] = cents(rep["annual"] / periods.per_year)
        else:
            rep["quota"] = rep["annual"] = None
        rep["start"] = parse_date(get("start"), "start") if get("start") else None
        rep["end"] = parse_date(get("end"), "end") if get("end") else None
        rep["draw"] = parse_decimal(get("draw"), "draw") if get("draw") else None
        reps.append(rep)
    return reps


def calculate(plan, headers, deal_rows, roster_rows=None):
    periods = Periods(plan["period"], plan["fys"])
    places, mode = plan["places"], plan["mode"]
    line_level = plan["level"] == "line"

    def line_round(value):
        return rounded(value, places, mode) if line_level else value

    fields = list(SYNONYMS)
    columns = map_columns(headers, plan["columns"], fields)
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise DataError(f"missing columns {missing} among {headers}")
    reps = read_roster(plan, roster_rows, periods)
    by_key = {}
    if reps is not None:
        for rep in reps:
            for key in {rep["id"].lower(), (rep["name"] or rep["id"]).lower()}:
                if key in by_key and by_key[key] is not rep:
                    raise DataError(f"'{key}' names two reps")
                by_key[key] = rep
    issues = []

    # Lines (1.1, steps 1-2).
    lines = []
    periods_by_label = {}
    claw_statuses = plan["clawback"]["statuses"] if plan["clawback"] else []
    for number, row in deal_rows:
        def cell(field):
            header = columns.get(field)
            value = row.get(header) if header else None
            return value if value is not None else ""

        name = cell("rep").strip()
        if reps is not None:
            rep = by_key.get(name.lower())
            if rep is None:
                raise DataError(f"row {number}: rep '{name}' is not on the roster")
        else:
            key = name.lower()
            rep = by_key.get(key)
            if rep is None:
                rep = {"id": name, "name": None, "team": None, "quota": None, "annual": None,
                       "start": None, "end": None, "draw": None, "sheet_quota": {}}
                by_key[key] = rep
        day = parse_date(cell("date"), f"row {number} date")
        amount = parse_decimal(cell("amount"), f"row {number} amount")
        split = parse_split(cell("split"), f"row {number} split")
        status = cell("status").strip()
        cancel = cell("cancel_date").strip()
        line = {
            "row": number, "deal_id": cell("deal_id").strip(), "rep": rep, "date": day,
            "amount": amount, "split": split, "credit": amount * split,
            "product": cell("product").strip(), "type": cell("type").strip(), "status": status,
            "cancel": parse_date(cancel, f"row {number} cancel_date") if cancel else None,
            "period": periods.of(day), "clawback_status": status in claw_statuses,
        }
        line["counted"] = plan["eligible"] is None or status in plan["eligible"] or line["clawback_status"]
        # The sheet's quota is the rep's "when no roster gives one" (1.1): every rep's without a
        # roster, and a roster's rep's without a quota or annual_quota.
        if (reps is None or rep["quota"] is None) and "quota" in columns and cell("quota").strip():
            quota = parse_decimal(cell("quota"), f"row {number} quota")
            known = rep.setdefault("sheet_quota", {}).setdefault(line["period"][2], (quota, number))
            periods_by_label[line["period"][2]] = line["period"][0]
            if known[0] != quota:
                raise DataError(f"rows {known[1]} and {number}: quotas of one rep-period disagree")
        lines.append(line)
        if not line["counted"]:
            issues.append({"code": "not_eligible", "row": number, "deal_id": line["deal_id"], "rep": rep["id"]})

    totals = {}
    for line in lines:
        totals.setdefault(line["deal_id"], Decimal(0))
        totals[line["deal_id"]] += line["split"]
    for deal, total in totals.items():
        if total != 1:
            issues.append({"code": "split_total", "deal_id": deal, "total": str(total)})

    roster_list = reps if reps is not None else list({id(r): r for r in by_key.values()}.values())

    def quota_of(rep, period):
        start, end, label = period
        if reps is None or rep["quota"] is None:
            found = rep.get("sheet_quota", {}).get(label)
            return found[0] if found else None
        return prorated(rep["quota"], start, end, rep)

    def annual_of(rep, fy):
        start, end = periods.year_bounds(fy)
        if reps is None or rep["annual"] is None:
            # Quotas from the sheet: the annual quota is the per-period quota × periods a year
            # (1.2), when the rep's rows of that fiscal year agree on one.
            found = {q for label, (q, _) in rep.get("sheet_quota", {}).items() if periods.fiscal_year(
                periods_by_label[label]) == fy}
            if len(found) > 1:
                # Open in the contract: which period's quota × periods a year (or what sum) is the
                # year's one annual quota? Refused when the tiers need it; else left unread.
                if metric_attainment:
                    raise DataError(f"rep {rep['id']} fiscal year {fy}: the sheet gives several quotas, so no one annual quota")
                return UNKNOWN
            return found.pop() * periods.per_year if found else None
        return prorated(rep["annual"], start, end, rep)

    # Rep-periods and the tiers (steps 3-6).
    output, rep_periods = [], {}

    def rep_period(rep, period):
        key = (id(rep), period[0])
        if key not in rep_periods:
            rep_periods[key] = {"rep": rep, "period": period, "lines": [], "credit": Decimal(0),
                                "quota": quota_of(rep, period), "after": []}
        return rep_periods[key]

    metric_attainment = plan["metric"] == "attainment"

    def scaled(quota):
        if not metric_attainment:
            return plan["bands"]
        if quota is None or quota == 0:
            return None
        return [(start * quota, rate) for start, rate in plan["bands"]]

    for rep in roster_list:
        own = sorted((l for l in lines if l["rep"] is rep), key=lambda l: (l["date"], l["deal_id"], l["row"]))
        for line in own:
            rp = rep_period(rep, line["period"])
            rp["lines"].append(line)
            if line["counted"]:
                rp["credit"] += line["credit"]
        counted = [l for l in own if l["counted"]]
        if plan["basis"] == "ytd":
            price_ytd(plan, rep, counted, periods, annual_of, scaled, rep_period, line_round)
        else:
            for rp in {id(rep_period(rep, l["period"])): rep_period(rep, l["period"]) for l in counted}.values():
                price_period(plan, rp, scaled, line_round)

    # Gate, caps, bonuses (step 8), for each rep-period.
    for rp in rep_periods.values():
        finish_period(plan, rp, line_round)

    # Clawbacks (step 9).
    for line in lines:
        if not line["clawback_status"] or not plan["clawback"]:
            continue
        rep = line["rep"]
        if line["cancel"] is None:
            continue
        days = (line["cancel"] - line["date"]).days
        if days < 0:
            issues.append({"code": "cancel_before_close", "row": line["row"], "deal_id": line["deal_id"], "rep": rep["id"]})
            continue
        if days > plan["clawback"]["window"]:
            issues.append({"code": "clawback_window_passed", "row": line["row"], "deal_id": line["deal_id"], "rep": rep["id"]})
            continue
        paid = line.get("paid", Decimal(0)) + sum(line.get("bonus_paid", []), Decimal(0))
        rp = rep_period(rep, periods.of(line["cancel"]))
        rp["after"].append({"deal_id": line["deal_id"], "rep": rep["id"], "kind": "clawback", "credit": line["credit"],
                            "amount": -paid, "row": line["row"]})

    # Draw periods (7, "Draw periods") and the draw (step 10).
    starts = [l["period"] for l in lines] + [rp["period"] for rp in rep_periods.values()]
    if starts:
        first, last = min(starts), max(starts)
        for rep in roster_list:
            period = first
            while period[0] <= last[0]:
                start, end, _ = period
                on_plan = (rep["start"] is None or rep["start"] <= end) and (rep["end"] is None or rep["end"] >= start)
                if on_plan:
                    rep_period(rep, period)
                period = periods.following(start)

    reps_out = []
    for rep in roster_list:
        own = sorted((rp for rp in rep_periods.values() if rp["rep"] is rep), key=lambda rp: rp["period"][0])
        balance = Decimal(0)
        for rp in own:
            items = rp.get("items", []) + rp["after"]
            earned = sum((i["amount"] for i in items), Decimal(0))
            if not line_level:
                earned = rounded(earned, places, mode)
            draw = Decimal(0)
            if plan["draw"]:
                draw = rep["draw"] if rep["draw"] is not None else plan["draw"]["amount"]
            draw_paid = recovered = Decimal(0)
            if not plan["draw"]:
                payable = earned
            elif not plan["draw"]["recoverable"]:
                payable = max(earned, draw)
                draw_paid = payable - earned
            elif earned < draw:
                payable = draw
                draw_paid = draw - earned
                balance += draw - earned
            else:
                recovered = min(balance, earned - draw)
                payable = earned - recovered
                balance -= recovered
            quota = rp["quota"]
            start, end, label = rp["period"]
            entry = {"rep": rep["id"], "period": label, "credit": str(rp["credit"]),
                     "quota": None if quota is None else str(quota),
                     "attainment": None if not quota else str(rp["credit"] / quota),
                     "earned": str(earned), "draw": str(draw), "draw_paid": str(draw_paid),
                     "recovered": str(recovered), "payable": str(payable), "balance": str(balance)}
            if plan["basis"] == "ytd":
                fy_quota = annual_of(rep, periods.fiscal_year(start))
                if fy_quota is not UNKNOWN:
                    entry["ytd_quota"] = None if fy_quota is None else str(fy_quota)
            reps_out.append(entry)
            for item in items:
                output.append({"deal_id": item.get("deal_id"), "rep": rep["id"], "period": label, "kind": item["kind"],
                               "credit": None if item.get("credit") is None else str(item["credit"]),
                               "amount": str(item["amount"]), "row": item.get("row"),
                               "bonus": item.get("bonus"), "flags": item.get("flags", []),
                               "pricing": item.get("pricing")})
    return {"plan": plan["name"], "currency": plan["currency"], "lines": output, "reps": reps_out, "issues": issues}


def override_of(plan, line):
    for override in plan["overrides"]:
        if matches(override["when"], line):
            return override
    return None


def commission_line(line, amount, pricing):
    """`pricing`: how the line was priced, for the reconcile fuzzer's sheets: `rate` (one rate) or
    `pieces` (marginal: [(credit, rate)]), and `multiplier`."""
    return {"deal_id": line["deal_id"], "kind": "commission", "credit": line["credit"], "amount": amount,
            "row": line["row"], "line": line, "flags": [], "pricing": dict(pricing, priced=amount)}



def price_period(plan, rp, scaled, line_round):
    """basis per_deal or period: one rep-period's commission lines (step 5)."""
    bands = scaled(rp["quota"])
    counted = [l for l in rp["lines"] if l["counted"]]
    items = []
    # "A missing quota with metric: attainment is an error" (3.4), even when overrides price every line.
    if bands is None and counted:
        raise DataError(f"rep {rp['rep']['id']} period {rp['period'][2]}: tiers on attainment need a quota")
    final = sum((l["credit"] for l in counted), Decimal(0))
    cumulative = Decimal(0)
    for line in counted:
        override = override_of(plan, line)
        credit = line["credit"]
        before, cumulative = cumulative, cumulative + credit
        pricing = {"multiplier": Decimal(1)}
        if override and "rate" in override:
            value = credit * override["rate"]
            pricing["rate"] = override["rate"]
        else:
            if plan["basis"] == "per_deal":
                if plan["tier_mode"] == "marginal":
                    value = marginal(bands, Decimal(0), credit)
                    pricing["pieces"] = pieces(bands, Decimal(0), credit)
                else:
                    value = credit * bands[band_of(bands, credit)][1]
                    pricing["rate"] = bands[band_of(bands, credit)][1]
            elif plan["tier_mode"] == "marginal":
                value = marginal(bands, before, cumulative)
                pricing["pieces"] = pieces(bands, before, cumulative)
            else:
                value = credit * bands[band_of(bands, final)][1]
                pricing["rate"] = bands[band_of(bands, final)][1]
            if override:
                value *= override["multiplier"]
                pricing["multiplier"] = override["multiplier"]
        items.append(commission_line(line, line_round(value), pricing))
    rp["commission"] = items


def price_ytd(plan, rep, counted, periods, annual_of, scaled, rep_period, line_round):
    """basis ytd: cumulative credit over the fiscal year; retroactive adds true-ups (step 5)."""
    by_year = {}
    for line in counted:
        by_year.setdefault(periods.fiscal_year(line["period"][0]), []).append(line)
    for fy, year_lines in by_year.items():
        bands = scaled(annual_of(rep, fy))
        if bands is None and year_lines:
            raise DataError(f"rep {rep['id']} fiscal year {fy}: tiers on attainment need an annual quota")
        cumulative = Decimal(0)
        priced = []  # earlier tier-priced lines: [credit × multiplier, rate paid]
        period_starts = sorted({l["period"][0] for l in year_lines})
        for start in period_starts:
            own = [l for l in year_lines if l["period"][0] == start]
            rp = rep_period(rep, own[0]["period"])
            items = []
            year_end_credit = cumulative + sum((l["credit"] for l in own), Decimal(0))
            rate_now = bands[band_of(bands, year_end_credit)][1] if bands else None
            new_priced = []
            for line in own:
                override = override_of(plan, line)
                before, cumulative = cumulative, cumulative + line["credit"]
                if override and "rate" in override:
                    value = line["credit"] * override["rate"]
                    pricing = {"rate": override["rate"], "multiplier": Decimal(1)}
                else:
                    multiplier = override["multiplier"] if override else Decimal(1)
                    pricing = {"multiplier": multiplier}
                    if plan["tier_mode"] == "marginal":
                        value = marginal(bands, before, cumulative) * multiplier
                        pricing["pieces"] = pieces(bands, before, cumulative)
                    else:
                        value = line["credit"] * rate_now * multiplier
                        new_priced.append([line["credit"] * multiplier, rate_now])
                        pricing["rate"] = rate_now
                items.append(commission_line(line, line_round(value), pricing))
            if plan["tier_mode"] == "retroactive" and bands:
                true_up = Decimal(0)
                for entry in priced:
                    true_up += entry[0] * (rate_now - entry[1])
                    entry[1] = rate_now
                items.append({"deal_id": None, "kind": "true_up", "credit": None, "amount": line_round(true_up),
                              "flags": [], "true_up": True})
            priced.extend(new_priced)
            rp["commission"] = items


def finish_period(plan, rp, line_round):
    """Gate, per-deal cap, bonuses, per-period cap (step 8)."""
    items = rp.get("commission", [])
    quota = rp["quota"]
    attainment = rp["credit"] / quota if quota else None
    gated = plan["gate"] is not None and (attainment is None or attainment < plan["gate"])
    if plan["gate"] is not None and attainment is None and items:
        raise DataError(f"rep {rp['rep']['id']} period {rp['period'][2]}: a gate needs a quota")
    for item in items:
        if gated:
            item["amount"] = Decimal(0) * item["amount"]
            item["flags"].append("gated")
        if plan["cap_deal"] is not None and not item.get("true_up") and item["amount"] > plan["cap_deal"]:
            item["amount"] = plan["cap_deal"]
            item["flags"].append("capped")
    bonuses = []
    counted = [l for l in rp["lines"] if l["counted"]]
    for line in counted:
        for bonus in plan["bonuses"]:
            if "per_deal" not in bonus or not matches(bonus["when"], line):
                continue
            if bonus["from"] and line["date"] < datetime.date.fromisoformat(bonus["from"]):
                continue
            if bonus["to"] and line["date"] > datetime.date.fromisoformat(bonus["to"]):
                continue
            bonuses.append({"deal_id": line["deal_id"], "kind": "bonus", "credit": line["credit"],
                            "amount": line_round(bonus["per_deal"] * line["split"]), "row": line["row"],
                            "bonus": bonus["name"], "line": line, "counts": bonus["counts"], "flags": []})
    for bonus in plan["bonuses"]:
        if "at" in bonus and counted:
            if attainment is None:
                raise DataError(f"rep {rp['rep']['id']} period {rp['period'][2]}: an attainment bonus needs a quota")
            if attainment >= bonus["at"]:
                bonuses.append({"deal_id": None, "kind": "bonus", "credit": None, "amount": line_round(bonus["amount"]),
                                "bonus": bonus["name"], "counts": bonus["counts"], "flags": []})
    if plan["cap_period"] is not None:
        left = plan["cap_period"]
        crossed = False
        for item in items + [b for b in bonuses if b["counts"]]:
            if crossed:
                item["amount"] = Decimal(0)
                item["flags"].append("capped")
            elif item["amount"] > left:
                item["amount"] = left
                item["flags"].append("capped")
                crossed = True
            else:
                left -= item["amount"]
    for item in items:
        if item.get("line") is not None:
            item["line"]["paid"] = item["amount"]
    for bonus in bonuses:
        if bonus.get("line") is not None:
            bonus["line"].setdefault("bonus_paid", []).append(bonus["amount"])
    ordered = []
    for item in items:
        ordered.append(item)
    rp["items"] = ordered + bonuses
