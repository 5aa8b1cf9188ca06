"""Seeded random cases for the oracle: a plan (valid YAML per shared/docs/plan-format.md, with
varied features and spellings), a roster and a deals sheet. A case is plain data (`render`
writes its files), so the fuzzer can shrink it. The generator stays inside what the contract
settles: it writes no point the oracle's plan.OPEN lists."""

import datetime
import random
from decimal import Decimal

import engine

NAMES = ["Ana Ruiz", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Lind", "Farid O'Brien", "Gia Chen"]
PRODUCTS = ["Core", "Analytics", "Services", "Training"]
TYPES = ["New", "Renewal", "Upsell"]
HEADERS = {
    "deal_id": ["Deal ID", "deal_id", "Opportunity", "Deal", "DEAL-ID"],
    "rep": ["Rep", "Sales Rep", "Owner", "Account Executive", "AE", "salesperson"],
    "date": ["Date", "Close Date", "Closed Date", "close_date", "Booking Date"],
    "amount": ["Amount", "Deal Amount", "ACV", "Booking", "deal value"],
    "split": ["Split", "Split %", "Share", "Credit %"],
    "product": ["Product", "Product Line", "SKU"],
    "type": ["Type", "Deal Type"],
    "status": ["Status", "Stage"],
    "cancel_date": ["Cancel Date", "Cancellation Date", "Refund Date", "cancel_date"],
    "quota": ["Quota", "Target"],
}


def pct(rng, value):
    """A fraction written as `8%` or `0.08`."""
    text = format(value * 100, "f").rstrip("0").rstrip(".") if "." in format(value * 100, "f") else format(value * 100, "f")
    if rng.random() < 0.5:
        return f"{text}%"
    return format(value.normalize(), "f")


def money(value):
    return format(value, "f")


def generate(seed, scale=1):
    rng = random.Random(seed)
    plan = {}
    plan["period"] = rng.choice(["month", "quarter", "quarter", "year"])
    plan["fys"] = rng.choice([1, 1, 1, 4, 7, 10, rng.randint(1, 12)])
    plan["places"] = rng.choice([None, 2, 2, 2, 0, 3])
    plan["mode"] = rng.choice([None, "half_up", "half_even"])
    plan["level"] = rng.choice([None, "line", "period"])
    plan["metric"] = rng.choice(["attainment", "attainment", "amount"])
    plan["basis"] = rng.choice(["per_deal", "period", "period", "ytd"])
    plan["tier_mode"] = rng.choice(["marginal", "retroactive"])
    per_year = {"month": 12, "quarter": 4, "year": 1}[plan["period"]]
    bands = [(Decimal(0), Decimal(rng.choice([2, 3, 4, 5, 6, 8])) / 100 + Decimal(rng.choice([0, 0, 5])) / 1000)]
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        if plan["metric"] == "attainment":
            step = Decimal(rng.choice([25, 50, 50, 75, 100])) / 100
        else:
            step = Decimal(rng.choice([5000, 10000, 20000, 50000])) * (per_year if plan["basis"] == "ytd" else 1)
            if plan["basis"] != "ytd":
                step = step * (12 // per_year) // 3
        rate = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15])) / 100
        bands.append((bands[-1][0] + step, rate))
    plan["bands"] = bands
    plan["eligible"] = rng.choice([None, None, ["Won"], ["Won", "Closed Won"]])
    overrides = []
    for _ in range(rng.choice([0, 0, 1, 2])):
        when = rng.choice([{"product": rng.choice(PRODUCTS)}, {"type": rng.choice(TYPES)},
                           {"product": rng.choice(PRODUCTS), "type": rng.choice(TYPES)}])
        if rng.random() < 0.5:
            overrides.append({"when": when, "rate": Decimal(rng.choice([1, 2, 3, 7])) / 100})
        else:
            overrides.append({"when": when, "multiplier": Decimal(rng.choice(["0.5", "1.25", "2", "0.75"]))})
    plan["overrides"] = overrides
    plan["gate"] = rng.choice([None, None, Decimal("0.25"), Decimal("0.5")])
    plan["cap_deal"] = rng.choice([None, None, Decimal(rng.choice([500, 1500, 4000]))])
    plan["cap_period"] = rng.choice([None, None, Decimal(rng.choice([2000, 5000, 12000]))])
    bonuses = []
    for index in range(rng.choice([0, 0, 1, 2])):
        if rng.random() < 0.6:
            when = {}
            if rng.random() < 0.6:
                when["product"] = rng.choice(PRODUCTS)
            if rng.random() < 0.3:
                when["type"] = rng.choice(TYPES)
            if rng.random() < 0.4:
                when["from"] = f"2026-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.4:
                when["to"] = f"2026-{rng.randint(7, 12):02d}-{rng.randint(1, 28):02d}"
            bonuses.append({"name": f"SPIFF {index + 1}", "per_deal": Decimal(rng.choice([100, 250, "99.99"])),
                            "when": when, "counts": rng.choice([None, True, False])})
        else:
            bonuses.append({"name": f"Club {index + 1}", "at": Decimal(rng.choice([50, 100, 120])) / 100,
                            "amount": Decimal(rng.choice([500, 1000, "333.33"])), "counts": rng.choice([None, True, False])})
    plan["bonuses"] = bonuses
    plan["clawback"] = None
    if rng.random() < 0.5:
        plan["clawback"] = {"statuses": rng.choice([["Cancelled"], ["Cancelled", "Refunded"]]),
                            "window": rng.choice([30, 60, 90])}
    plan["draw"] = None
    if rng.random() < 0.35:
        plan["draw"] = {"amount": Decimal(rng.choice([500, 1000, 3000])), "recoverable": rng.random() < 0.6}

    # Roster.
    roster_kind = rng.choice(["plan", "csv", "csv", "sheet"])
    if plan["metric"] == "amount" and not plan["gate"] and not any("at" in b for b in bonuses) and rng.random() < 0.3:
        roster_kind = "none"
    count = rng.randint(1, min(len(NAMES), 3 + scale))
    reps = []
    year = 2026
    for index in range(count):
        rep = {"id": f"R{index + 1:02d}", "name": NAMES[index], "team": rng.choice(["East", "West", None])}
        base = Decimal(rng.choice([60000, 100000, 120000, 250000, 400000]))
        if rng.random() < 0.5:
            rep["quota"], rep["annual_quota"] = base / per_year if per_year != 12 else Decimal(rng.choice([10000, 20000, 30000])), None
        else:
            rep["quota"], rep["annual_quota"] = None, base + Decimal(rng.choice([0, 0, "0.01", "0.02", "0.06", 7]))
        rep["start"] = rep["end"] = None
        if rng.random() < 0.2:
            rep["start"] = datetime.date(year, rng.randint(1, 6), rng.randint(1, 28))
        if rng.random() < 0.15:
            rep["end"] = datetime.date(year, rng.randint(7, 12), rng.randint(1, 28))
        rep["draw"] = Decimal(rng.choice([800, 2500])) if plan["draw"] and rng.random() < 0.3 else None
        reps.append(rep)

    # Deals.
    rows = []
    statuses = ["Won"] * 4 + ["Closed Won", "Open", "Lost"]
    if plan["clawback"]:
        statuses += plan["clawback"]["statuses"] * 2
    span_start = datetime.date(year, 1, 1)
    span_days = rng.choice([60, 180, 365, 500])
    deal_count = rng.randint(1, 18 * scale)
    # Edges: dates shared by several deals (the order falls to the deal id), deal ids of
    # varying width, amounts exactly at a band's threshold or the gate, duplicated rows.
    edges = rng.random() < 0.5
    shared_days = [span_start + datetime.timedelta(days=rng.randrange(span_days)) for _ in range(3)]
    for number in range(deal_count):
        deal_id = f"D-{number + 1:04d}" if not edges or rng.random() < 0.5 else f"{rng.choice('DX')}-{rng.randint(1, 120)}"
        shares = [Decimal(1)]
        if count > 1 and rng.random() < 0.25:
            first = Decimal(rng.choice([25, 40, 50, 60, "33.33"])) / 100
            shares = [first, 1 - first]
            if rng.random() < 0.2:
                shares[1] -= Decimal("0.1")
        people = rng.sample(range(count), len(shares))
        amount = Decimal(rng.randint(100, 9000000)) / 100
        if rng.random() < 0.02:
            amount = Decimal("0.00")
        if rng.random() < 0.2:
            amount = Decimal(rng.choice([5000, 10000, 20000, 25000, 30000, 50000, 100000]))
        if rng.random() < 0.08:
            amount = -amount / 4
            amount = amount.quantize(Decimal("0.01"))
        day = span_start + datetime.timedelta(days=rng.randrange(span_days))
        if edges and rng.random() < 0.5:
            day = rng.choice(shared_days)
        if edges and rng.random() < 0.3:
            rep = reps[rng.randrange(count)]
            quota = rep["quota"] if rep["quota"] is not None else (rep["annual_quota"] / per_year).quantize(Decimal("0.01"))
            if plan["basis"] == "ytd":
                quota = rep["annual_quota"] if rep["annual_quota"] is not None else rep["quota"] * per_year
            start = rng.choice(plan["bands"])[0]
            if plan["gate"] is not None and rng.random() < 0.3:
                start = plan["gate"]
            amount = (start * quota if plan["metric"] == "attainment" else start).quantize(Decimal("0.01"))
            amount = amount or Decimal("0.01")
        product, kind = rng.choice(PRODUCTS), rng.choice(TYPES)
        status = rng.choice(statuses)
        cancel = None
        if plan["clawback"] and status in plan["clawback"]["statuses"] or rng.random() < 0.05:
            cancel = day + datetime.timedelta(days=rng.choice([0, 10, 29, 30, 31, 60, 61, 90, 91, 120, -3]))
        for share, who in zip(shares, people):
            rep = reps[who]
            when = day
            start, end, _ = engine.Periods(plan["period"], plan["fys"]).of(when)
            in_active_period = (not rep["start"] or rep["start"] <= end) and (not rep["end"] or rep["end"] >= start)
            if edges and in_active_period and rng.random() < 0.5:
                pass  # before the rep's start or after the end, in a period the rep is on the plan for
            elif rep["start"] and when < rep["start"]:
                when = rep["start"] + datetime.timedelta(days=rng.randrange(20))
            if rep["end"] and when > rep["end"]:
                when = rep["end"] - datetime.timedelta(days=rng.randrange(20))
            rows.append({"deal_id": deal_id, "rep": who, "date": when, "amount": amount, "split": share,
                         "product": product, "type": kind, "status": status,
                         "cancel_date": cancel and cancel + (when - day)})
            if edges and rng.random() < 0.05:
                rows.append(dict(rows[-1]))
    rng.shuffle(rows)
    faults = ["unknown_key", "unknown_top_key", "missing_basis", "bad_mode", "table_not_zero", "table_descending",
              "bad_amount", "bad_date", "missing_column", "unknown_rep", "bad_split", "ambiguous_column", "split_out_of_range"]
    fault = rng.choice(faults) if rng.random() < 0.08 else None
    if fault == "table_descending" and len(plan["bands"]) < 3:
        fault = None
    if fault == "unknown_rep" and roster_kind not in ("plan", "csv"):
        fault = None
    pin = rng.choice(["Net ACV", "Closer", "Booked On"]) if rng.random() < 0.15 else None
    case = {"seed": seed, "plan": plan, "reps": reps, "roster_kind": roster_kind, "rows": rows,
            "style": rng.randrange(1 << 30), "fault": fault, "pin": pin,
            "quota_varies": roster_kind == "sheet" and rng.random() < 0.3}
    reach(case, random.Random(f"reach-{seed}"))
    return case


# Headers no field is known by, for `columns:` pins (section 1.3).
PINS = {"amount": "Net ACV", "rep": "Closer", "date": "Booked On", "deal_id": "Opp Ref", "split": "Portion",
        "status": "Pipeline State", "product": "Offering", "type": "Motion", "cancel_date": "Voided On"}


def reach(case, rng):
    """What the first draws never write (session 46), from a stream of its own so that the rest of
    each seed's case is as before: reps whose time on the plan begins or ends outside the data's
    first calendar year (a fiscal year prorated from its other end, a rep who joins in the second
    year), several column pins at once (any field, not only amount, rep and date), the roster as a
    workbook of typed cells (`fuzz-plans` writes it from roster.csv; the oracle reads the CSV),
    deal ids that are numbers, and date cells with a time of day."""
    reps, rows = case["reps"], case["rows"]
    moved = False
    for rep in reps:
        if rng.random() < 0.12:
            rep["start"] = datetime.date(2025, rng.randint(6, 12), rng.randint(1, 28))
        elif rng.random() < 0.08:
            rep["start"] = datetime.date(2027, rng.randint(1, 4), rng.randint(1, 28))
            moved = True
        if rng.random() < 0.12:
            rep["end"] = datetime.date(2027, rng.randint(1, 6), rng.randint(1, 28))
            moved = True
        if rep["start"] and rep["end"] and rep["end"] < rep["start"] + datetime.timedelta(days=30):
            rep["end"] = None
    if moved:
        # As generate() keeps a rep's rows inside the rep's time on the plan; a copied row (a
        # duplicate that generate() writes on purpose) moves with its original.
        offsets = {}
        for row in rows:
            rep = reps[row["rep"]]
            when = row["date"]
            offset = offsets.setdefault((row["deal_id"], row["rep"], when, row["amount"]), rng.randrange(20))
            if rep["start"] and when < rep["start"]:
                when = rep["start"] + datetime.timedelta(days=offset)
            if rep["end"] and when > rep["end"]:
                when = rep["end"] - datetime.timedelta(days=offset)
            if row["cancel_date"]:
                row["cancel_date"] += when - row["date"]
            row["date"] = when
    pins = {}
    if case["pin"]:
        pins = {field: header for field, header in PINS.items() if header == case["pin"]}
    if rng.random() < 0.12:
        pins.update({field: PINS[field] for field in rng.sample(sorted(PINS), rng.randint(2, 4))})
    case["pins"] = pins
    case["roster_xlsx"] = case["roster_kind"] == "csv" and rng.random() < 0.4
    # Deal ids that are numbers of varied width (a CRM's opportunity numbers), number cells in a
    # workbook: step 3 still orders them as text ("1007" before "42" before "7").
    if rng.random() < 0.12:
        numbers = {}
        for row in rows:
            if row["deal_id"] not in numbers:
                while True:
                    number = str(rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 99999)]))
                    if number not in numbers.values():
                        break
                numbers[row["deal_id"]] = number
            row["deal_id"] = numbers[row["deal_id"]]
    # Close and cancel dates written with a time of day in a workbook (a CRM export's timestamps):
    # the date is the cell's day.
    case["times"] = rng.random() < 0.3


def render(case):
    """{file name: text} for the case, and the calculate arguments."""
    rng = random.Random(case["style"])
    plan, reps = case["plan"], case["reps"]
    per_year = {"month": 12, "quarter": 4, "year": 1}[plan["period"]]
    out = [f'plan: "Fuzz {case["seed"]}"', "currency: USD", f"period: {plan['period']}"]
    if rng.random() < 0.2:
        out[:2] = ["# a plan without a name or a currency"]
    if rng.random() < 0.3:
        out.append(f"tolerance: {rng.choice(['0.01', '0.05', '1'])}")
    if plan["fys"] != 1 or rng.random() < 0.5:
        out.append(f"fiscal_year_start: {plan['fys']}")
    rounding = [f"{k}: {v}" for k, v in (("places", plan["places"]), ("mode", plan["mode"]), ("level", plan["level"])) if v is not None]
    if rounding:
        out.append("rounding: { " + ", ".join(rounding) + " }" if rng.random() < 0.5 else "rounding:\n" + "\n".join("  " + r for r in rounding))
    if plan["eligible"]:
        out.append("eligible:\n  status: [" + ", ".join(plan["eligible"]) + "]")
        if rng.random() < 0.3:
            out[-1] = "eligible:\n  status:\n" + "\n".join(f'    - "{s}"' for s in plan["eligible"])
    out.append("commission:\n  tiers:")
    fault = case.get("fault")
    out.append(f"    metric: {plan['metric']}")
    if fault != "missing_basis":
        out.append(f"    basis: {plan['basis']}")
    out.append(f"    mode: {'marginel' if fault == 'bad_mode' else plan['tier_mode']}\n    table:")
    bands = list(plan["bands"])
    if fault == "table_not_zero":
        bands[0] = (bands[1][0] / 2 if len(bands) > 1 else Decimal("0.1") if plan["metric"] == "attainment" else Decimal(1000), bands[0][1])
    if fault == "table_descending":
        bands[1], bands[2] = bands[2], bands[1]
    block = rng.random() < 0.4  # block-style YAML for the table, the reps and the status lists
    for start, rate in bands:
        start_text = pct(rng, start) if plan["metric"] == "attainment" else money(start)
        rate_text = pct(rng, rate)
        if rng.random() < 0.2:
            start_text, rate_text = f'"{start_text}"', f"'{rate_text}'"
        if block:
            out.append(f"      - from: {start_text}   # band\n        rate: {rate_text}")
        else:
            out.append(f"      - {{ from: {start_text}, rate: {rate_text} }}")
    if plan["overrides"]:
        out.append("  overrides:")
        for item in plan["overrides"]:
            when = ", ".join(f"{k}: {v}" for k, v in item["when"].items())
            what = f"rate: {pct(rng, item['rate'])}" if "rate" in item else f"multiplier: {item['multiplier']}"
            out.append(f"    - {{ when: {{ {when} }}, {what} }}")
    if plan["gate"] is not None:
        out.append(f"  gate: {pct(rng, plan['gate'])}")
    if fault == "unknown_key":
        out.append("  gat: 50%")
    if plan["cap_deal"] is not None or plan["cap_period"] is not None:
        out.append("  cap:")
        if plan["cap_deal"] is not None:
            out.append(f"    per_deal: {plan['cap_deal']}")
        if plan["cap_period"] is not None:
            out.append(f"    per_period: {plan['cap_period']}")
    if plan["bonuses"]:
        out.append("bonuses:")
        for bonus in plan["bonuses"]:
            name = bonus["name"] if rng.random() < 0.7 else f"{bonus['name']}: President's Club #1"
            out.append(f'  - name: "{name}"' if rng.random() < 0.5 else f"  - name: '{name.replace(chr(39), chr(39) * 2)}'")
            if "per_deal" in bonus:
                out.append(f"    per_deal: {bonus['per_deal']}")
                if bonus["when"]:
                    out.append("    when: { " + ", ".join(f"{k}: {v}" for k, v in bonus["when"].items()) + " }")
            else:
                out.append(f"    at_attainment: {pct(rng, bonus['at'])}\n    amount: {bonus['amount']}")
            if bonus["counts"] is not None:
                out.append(f"    counts_toward_cap: {'true' if bonus['counts'] else 'false'}")
    if plan["clawback"]:
        out.append("clawback:\n  statuses: [" + ", ".join(plan["clawback"]["statuses"]) + "]")
        out.append(f"  window_days: {plan['clawback']['window']}")
    if plan["draw"]:
        out.append(f"draw:\n  amount: {plan['draw']['amount']}\n  recoverable: {'true' if plan['draw']['recoverable'] else 'false'}")

    def rep_fields(rep):
        fields = [("id", rep["id"]), ("name", rep["name"])]
        if rep["team"]:
            fields.append(("team", rep["team"]))
        if rep["quota"] is not None:
            fields.append(("quota", money(rep["quota"])))
        if rep["annual_quota"] is not None:
            fields.append(("annual_quota", money(rep["annual_quota"])))
        if rep["start"]:
            fields.append(("start", rep["start"].isoformat()))
        if rep["end"]:
            fields.append(("end", rep["end"].isoformat()))
        if rep["draw"] is not None:
            fields.append(("draw", money(rep["draw"])))
        return fields

    files, arguments = {}, []
    if case["roster_kind"] == "plan":
        out.append("reps:")
        for rep in reps:
            if block:
                fields = rep_fields(rep)
                out.append(f'  - {fields[0][0]}: "{fields[0][1]}"')
                out.extend(f'    {k}: "{v}"' if k in ("name", "id") else f"    {k}: {v}" for k, v in fields[1:])
            else:
                out.append("  - { " + ", ".join(f'{k}: "{v}"' if k in ("name", "id") else f"{k}: {v}" for k, v in rep_fields(rep)) + " }")
    elif case["roster_kind"] == "csv":
        columns = ["id", "name", "team", "quota", "annual_quota", "start", "end", "draw"]
        lines = [",".join(columns)]
        for rep in reps:
            values = dict(rep_fields(rep))
            lines.append(",".join(_csv(values.get(c, "")) for c in columns))
        files["roster.csv"] = "\n".join(lines) + "\n"
        arguments = ["--roster", "roster.csv"]
    pins = case.get("pins", {})
    if pins:
        out.append("columns: { " + ", ".join(f'{field}: "{header}"' for field, header in pins.items()) + " }")
    if fault == "unknown_top_key":
        out.insert(3, "fiscal_yr_start: 1")
    files["plan.yaml"] = "\n".join(out) + "\n"

    fields = ["deal_id", "rep", "date", "amount", "split", "product", "type", "status", "cancel_date"]
    if case["roster_kind"] == "sheet":
        fields.append("quota")
    rng.shuffle(fields)
    if fault == "missing_column":
        fields.remove("amount")
    # Columns the contract does not read, some named like fields trueup reads beyond it.
    noise = rng.sample(["Region", "Notes", "Closed", "Value", "Seller"], rng.choice([0, 0, 1, 2]))
    if fault == "missing_column" and "Value" in noise:
        noise.remove("Value")  # trueup reads a lone Value column as the amount (its docs, beyond the contract)
    for name in noise:
        fields.insert(rng.randrange(len(fields) + 1), name)
    headers = [pins[f] if f in pins else rng.choice(HEADERS[f]) if f in HEADERS else f for f in fields]
    if fault == "ambiguous_column":
        fields.append("amount")
        headers.append(next(h for h in ("ACV", "Booking", "Revenue", "Deal Amount") if h not in headers))
    # A fault in a row the plan pays (an unpaid row, such as an open deal, may lack its date).
    paid = [i for i, row in enumerate(case["rows"]) if plan["eligible"] is None or row["status"] in plan["eligible"]
            or (plan["clawback"] and row["status"] in plan["clawback"]["statuses"])]
    broken = rng.choice(paid) if paid else -1
    lines = [",".join(_csv(h) for h in headers)]
    for index, row in enumerate(case["rows"]):
        rep = reps[row["rep"]]
        values = []
        for field in fields:
            value = row.get(field)
            if field in noise:
                value = {"Region": rng.choice(["EMEA", "APAC"]), "Notes": rng.choice(["", 'Split agreed, "Key"', "FX"]),
                         "Closed": rng.choice(["Yes", "No"]), "Value": str(rng.randint(1, 99999)),
                         "Seller": rng.choice(["Zed Doe", ""])}[field]
            elif field == "rep":
                if case["roster_kind"] in ("plan", "csv"):
                    value = rng.choice([rep["id"], rep["name"], rep["name"].upper(), f"  {rep['name']} ", rep["id"].lower()])
                else:
                    value = rng.choice([rep["name"], rep["name"].upper(), f"  {rep['name']} "])
            elif field in ("date", "cancel_date"):
                value = value.isoformat() if value else ""
            elif field == "amount":
                value = money(value)
            elif field == "split":
                share = value
                value = rng.choice(["", "100%", "1"]) if share == 1 else rng.choice([f"{format(share * 100, 'f').rstrip('0').rstrip('.')}%", format(share, "f")])
            elif field == "quota":
                quota = rep["quota"] if rep["quota"] is not None else (rep["annual_quota"] / per_year).quantize(Decimal("0.01"))
                if case.get("quota_varies"):
                    # Each period its own quota (one value within a rep-period).
                    quota += 1000 * (engine.Periods(plan["period"], plan["fys"]).of(row["date"])[0].month % 3)
                value = money(quota) if rng.random() > 0.15 else ""  # a blank cell beside the others
            if index == broken:
                if fault == "bad_amount" and field == "amount":
                    value = "TBD"
                elif fault == "bad_date" and field == "date":
                    value = "2026-13-45"
                elif fault == "unknown_rep" and field == "rep":
                    value = "Nobody Known"
                elif fault == "bad_split" and field == "split":
                    value = "half"
                elif fault == "split_out_of_range" and field == "split":
                    value = rng.choice(["120%", "-10%", "1.5"])
            values.append(_csv(value or ""))
        lines.append(",".join(values))
    if rng.random() < 0.15:
        lines[:0] = [f"Deals export {case['seed']}", ""]  # title rows above the header (section 7)
    newline = "\r\n" if rng.random() < 0.3 else "\n"  # as Python's csv module and Excel write it
    files["deals.csv"] = ("\ufeff" if rng.random() < 0.1 else "") + newline.join(lines) + newline
    return files, ["calculate", "--plan", "plan.yaml", "--deals", "deals.csv"] + arguments + ["--format", "json"]


def _csv(value):
    value = str(value)
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value
