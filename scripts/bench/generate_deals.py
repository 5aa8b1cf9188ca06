#!/usr/bin/env python3
"""Generates a year of credit lines, a roster and a plan for the calculate benchmark.

usage: generate_deals.py LINES OUT_DIR [splits]
       → OUT_DIR/calc-LINES/{deals.csv,roster.csv,plan.yaml} (calcsplits-LINES with `splits`)
Deterministic. One rep per 1,000 lines; some deals are split two ways (60/40); a few are cancelled.
With `splits`, each two-way deal is split in whole percent drawn at random (p / 100 − p), so that
a rep's lines carry ~99 splits: the same lines otherwise (performance.md, session 34).
"""
import csv
import datetime
import os
import random
import sys

PLAN = """plan: Benchmark plan
currency: USD
period: quarter
eligible:
  status: [Won]
commission:
  tiers:
    metric: attainment
    basis: period
    mode: marginal
    table:
      - { from: 0%, rate: 5% }
      - { from: 60%, rate: 8% }
      - { from: 100%, rate: 12% }
  overrides:
    - { when: { product: Services }, rate: 3% }
    - { when: { type: Renewal }, multiplier: 0.5 }
  gate: 20%
  cap:
    per_deal: 25000
    per_period: 400000
bonuses:
  - { name: SPIFF, per_deal: 100, when: { product: Analytics } }
  - { name: Club, at_attainment: 120%, amount: 5000 }
clawback:
  statuses: [Cancelled]
  window_days: 90
draw:
  amount: 3000
  recoverable: true
"""


def main():
    variant = sys.argv[3] if len(sys.argv) > 3 else None
    if variant not in (None, "splits"):
        sys.exit(f"generate_deals.py: unknown variant {variant!r}: splits")
    count, folder = int(sys.argv[1]), os.path.join(sys.argv[2], f"calc{variant or ''}-{sys.argv[1]}")
    if os.path.exists(os.path.join(folder, "deals.csv")):
        return
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(7)
    # Its own generator, so that the lines are drawn as without the variant.
    split_rng = random.Random(11)
    reps = max(1, count // 1000)
    with open(os.path.join(folder, "plan.yaml"), "w") as handle:
        handle.write(PLAN)
    with open(os.path.join(folder, "roster.csv"), "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "name", "team", "annual_quota"])
        for r in range(reps):
            out.writerow([f"R{r:05d}", f"Rep {r}", f"Team {r % 20}", 4_000_000 + rng.randrange(0, 4_000_000)])
    start = datetime.date(2026, 1, 1)
    with open(os.path.join(folder, "deals.csv.part"), "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Deal ID", "Rep", "Close Date", "Amount", "Split", "Product", "Type", "Status", "Cancel Date"])
        written = 0
        deal = 0
        while written < count:
            deal += 1
            day = start + datetime.timedelta(days=rng.randrange(365))
            amount = f"{rng.randrange(500_00, 60_000_00) / 100:.2f}"
            product = ("Core", "Analytics", "Services", "Core")[rng.randrange(4)]
            kind = ("New", "New", "Renewal", "Upsell")[rng.randrange(4)]
            status, cancel = "Won", ""
            if rng.random() < 0.01:
                status, cancel = "Cancelled", (day + datetime.timedelta(days=rng.randrange(1, 120))).isoformat()
            elif rng.random() < 0.02:
                status = "Open"
            owners = [rng.randrange(reps)]
            if rng.random() < 0.1 and written + 1 < count:
                owners.append((owners[0] + 1) % reps)
            splits = ["100%"] if len(owners) == 1 else ["60%", "40%"]
            if variant and len(owners) == 2:
                share = split_rng.randrange(1, 100)
                splits = [f"{share}%", f"{100 - share}%"]
            for owner, split in zip(owners, splits):
                out.writerow([f"D{deal:08d}", f"R{owner:05d}", day.isoformat(), amount, split, product, kind, status, cancel])
                written += 1
    os.rename(os.path.join(folder, "deals.csv.part"), os.path.join(folder, "deals.csv"))


if __name__ == "__main__":
    main()
