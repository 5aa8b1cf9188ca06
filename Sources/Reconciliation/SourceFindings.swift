import Commission
import Foundation
import Ingest
import Spreadsheet

/// Findings from a second, trusted source of deals (a CRM export): rows are matched by deal id
/// and rep (plan-format.md section 6).
///
/// - `missing_line`: a (deal, rep) in the source but not in the workbook, at the source's row;
///   expected is what the engine pays that line with it added to the workbook's.
/// - `extra_line`: a workbook row whose deal the source does not have; it should earn nothing.
/// - `wrong_rep`: a workbook row whose deal the source credits to other reps; it should earn nothing,
///   and what those reps are owed for it (the source's lines no workbook row matches) is told in
///   the same finding (`Finding.owedElsewhere`), not as `missing_line`: one mistake, one finding,
///   its money counted once.
/// - `amount_mismatch`: deal and rep match but the amounts differ, at the workbook's amount cell:
///   an input, not money paid (`Finding.isInput`).
enum SourceFindings {
    static func compute(_ source: DealsTable, context: RowContext) throws -> [Finding] {
        let sourceFile = (source.file as NSString).lastPathComponent
        let sourceSheet = source.sheet ?? sourceFile
        let dealKey = DealKeys([source.lines.map(\.dealID), context.deals.lines.map(\.dealID)])
        var sourceByDeal: [String: [CreditLine]] = [:]
        for line in source.lines { sourceByDeal[dealKey(line.dealID), default: []].append(line) }
        let commission = context.engine
        let repNames = RepNames(context.roster)
        var findings: [Finding] = []
        var matched: Set<String> = []
        /// The first `wrong_rep` finding of each deal, by its place in `findings`.
        var wrongRepFinding: [String: Int] = [:]
        for (index, line) in context.deals.lines.enumerated() {
            let deal = dealKey(line.dealID)
            let rep = repNames.id(line.rep)
            let manual = context.deals.manual[index]
            let (sheet, sheetRow) = context.place(line.row)
            let commissionCell = context.deals.mapping(ofRow: line.row).columns[.commission].map {
                CellAddress(row: sheetRow, column: $0)
            }
            let paid =
                manual.commission.flatMap { Decimal.fromCell($0.value).number } ?? commission[line.row]?.commission ?? 0
            /// A row the source says should not be paid: its commission cell, expected 0.
            func unpaid(_ cause: Cause, _ explanation: String) -> Finding {
                Finding(
                    sheet: sheet, cell: commissionCell ?? CellAddress(row: sheetRow, column: 1),
                    dealID: line.dealID, rep: commission[line.row]?.line?.rep ?? line.rep,
                    period: commission[line.row]?.line?.period, manual: paid, manualText: nil,
                    expected: 0, causes: [cause], explanation: explanation, isDerived: false)
            }
            guard let candidates = sourceByDeal[deal] else {
                findings.append(
                    unpaid(.extraLine, "deal \(line.dealID) is not in \(sourceFile); it should earn nothing"))
                continue
            }
            guard let match = candidates.first(where: { repNames.id($0.rep) == rep }) else {
                let owners = candidates.map(\.rep).joined(separator: ", ")
                if wrongRepFinding[deal] == nil { wrongRepFinding[deal] = findings.count }
                findings.append(
                    unpaid(.wrongRep, "\(sourceFile) credits deal \(line.dealID) to \(owners), not \(line.rep)"))
                continue
            }
            matched.insert("\(deal)|\(rep)")
            if match.amount != line.amount, let column = context.deals.mapping(ofRow: line.row).columns[.amount] {
                var finding = Finding(
                    sheet: sheet, cell: CellAddress(row: sheetRow, column: column), dealID: line.dealID,
                    rep: commission[line.row]?.line?.rep ?? line.rep,
                    period: commission[line.row]?.line?.period,
                    manual: line.amount, manualText: nil, expected: match.amount, causes: [.amountMismatch],
                    explanation: "\(sourceFile) books deal \(line.dealID) at \(match.amount.groupedMoneyText)",
                    isDerived: false)
                // The amount is an input of the calculation, not money paid.
                finding.isInput = true
                findings.append(finding)
            }
        }
        let missing = source.lines.filter { !matched.contains("\(dealKey($0.dealID))|\(repNames.id($0.rep))") }
        guard !missing.isEmpty else { return findings }
        // What the missing lines would earn beside the workbook's (their rows renumbered past it).
        let offset = (context.deals.lines.map(\.row).max() ?? 0) + 1_000_000
        let added = missing.map { line -> CreditLine in
            var copy = line
            copy.row += offset
            return copy
        }
        // Only their amounts are read: the statement keeps no lines and explains none.
        let lines = context.deals.lines + added
        let run = try CommissionEngine.run(
            plan: context.plan, roster: context.roster, lines: lines, explaining: false, keepingLineOrder: false)
        let earned = try EngineAmounts.calculate(run, rows: context.deals.lines, keepingLines: false).amounts.rows
        let dealColumn = source.mapping.columns[.dealID] ?? 1
        for line in missing {
            let found = earned[line.row + offset]
            let owed = (found?.commission ?? 0) + (found?.bonus ?? 0)
            if let position = wrongRepFinding[dealKey(line.dealID)] {
                findings[position].owedElsewhere.append(
                    OwedShare(rep: found?.line?.rep ?? line.rep, period: found?.line?.period, amount: owed))
                findings[position].explanation +=
                    "; \(line.rep) is owed \(owed.groupedMoneyText) for it (\(sourceFile) row \(line.row))"
                continue
            }
            findings.append(
                Finding(
                    sheet: sourceSheet, cell: CellAddress(row: line.row, column: dealColumn), dealID: line.dealID,
                    rep: found?.line?.rep ?? line.rep, period: found?.line?.period, manual: 0, manualText: nil,
                    expected: owed, causes: [.missingLine],
                    explanation: "deal \(line.dealID) for \(line.rep) is in \(sourceFile) but not in the workbook",
                    isDerived: false))
        }
        return findings
    }
}

/// Deal ids compared as the engine compares them, and ids of digits alone as numbers: a
/// spreadsheet drops an id's leading zeros when it stores it as a number (`00123` in the CRM's
/// export is `123` in the workbook). Unless that would make two ids of one table one (`0123` and
/// `123` both in the export): then every id is compared as written.
struct DealKeys {
    private let byNumber: Bool

    /// `tables`: each table's deal ids.
    init(_ tables: [[String]]) {
        // Most exports write no id with leading zeros: nothing to compare then.
        guard tables.contains(where: { $0.contains { Self.number($0.normalizedKey) != $0.normalizedKey } }) else {
            byNumber = false
            return
        }
        var clash = false
        for ids in tables where !clash {
            var written: [String: String] = [:]
            for id in ids {
                let key = id.normalizedKey
                if let other = written.updateValue(key, forKey: Self.number(key)), other != key {
                    clash = true
                    break
                }
            }
        }
        byNumber = !clash
    }

    func callAsFunction(_ id: String) -> String {
        let key = id.normalizedKey
        return byNumber ? Self.number(key) : key
    }

    /// `key` without its leading zeros when it is digits alone (`00123` → `123`, `000` → `0`).
    private static func number(_ key: String) -> String {
        guard key.utf8.first == UInt8(ascii: "0"), key.utf8.allSatisfy({ (48...57).contains($0) }) else { return key }
        let trimmed = key.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

/// Rep ids and names, compared in the engine's way, mapped to one key per rep.
struct RepNames {
    private var keys: [String: String] = [:]

    init(_ roster: [RosterEntry]) {
        for rep in roster {
            keys[rep.id.normalizedKey] = rep.id.normalizedKey
            if let name = rep.name { keys[name.normalizedKey] = rep.id.normalizedKey }
        }
    }

    func id(_ text: String) -> String {
        let key = text.normalizedKey
        return keys[key] ?? key
    }
}
