import Commission
import Foundation

/// Re-checks a closed statement's arithmetic from the rows the ledger keeps: what can be
/// recomputed without the deals, which the ledger does not keep (only their SHA-256).
///
/// For each rep total: earned is the sum of the rep's lines, rounded by the stored plan's rule
/// when it rounds per period; payable is earned + draw paid − recovered. Every line belongs to a
/// rep with a total. The lines themselves (rates, tiers, caps) need the deals to recompute and
/// are not re-checked here.
struct StatementCheck {
    /// The plan's rounding rule, read from the plan text the entry keeps; nil when it cannot be.
    var rounding: RoundingRule?

    /// One sentence per figure that does not add up, naming the rep.
    func problems(totals: [PaidTotal], lines: [PaidLine]) -> [String] {
        var sums: [String: Decimal] = [:]
        for line in lines { sums[line.rep, default: 0] += line.amountValue }
        var problems: [String] = []
        let reps = Set(totals.map(\.rep))
        let orphans = Set(lines.map(\.rep)).subtracting(reps).sorted()
        if !orphans.isEmpty {
            problems.append("lines of \(orphans.joined(separator: ", ")) have no rep total")
        }
        for total in totals {
            let sum = sums[total.rep] ?? 0
            if let earned = total.earned.map(LedgerMoney.decimal), let rounding {
                let expected = rounding.level == .period ? rounding.round(sum) : sum
                if expected != earned {
                    problems.append(
                        "\(total.rep)'s lines add up to \(sum.plainText), which makes earned \(expected.plainText), not the \(earned.plainText) recorded"
                    )
                }
            }
            if let earned = total.earned.map(LedgerMoney.decimal),
                let drawPaid = total.drawPaid.map(LedgerMoney.decimal),
                let recovered = total.recovered.map(LedgerMoney.decimal),
                earned + drawPaid - recovered != total.payableValue
            {
                problems.append(
                    "\(total.rep)'s earned \(earned.plainText) + draw paid \(drawPaid.plainText) − recovered \(recovered.plainText) is not the payable \(total.payable) recorded"
                )
            }
        }
        return problems
    }
}
