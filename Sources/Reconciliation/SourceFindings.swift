import Commission
import Foundation
import Ingest
import Spreadsheet

/// Findings from a second, trusted source of deals (a CRM export): rows are matched by deal id
/// and rep (plan-format.md section 6), as `SourceTruth` matched them before the engine priced
/// the rows on the source's figures.
///
/// - `missing_line`: a (deal, rep) in the source but not in the workbook, at the source's row;
///   expected is what the engine pays that line, priced beside the workbook's.
/// - `extra_line`: a workbook row whose deal the source does not have; it should earn nothing.
/// - `wrong_rep`: a workbook row whose deal the source credits to other reps; it should earn nothing,
///   and what those reps are owed for it (the source's lines no workbook row matches) is told in
///   the same finding (`Finding.owedElsewhere`), not as `missing_line`: one mistake, one finding,
///   its money counted once.
/// - `amount_mismatch`: deal and rep match but the amounts differ, at the workbook's amount cell:
///   an input, not money paid (`Finding.isInput`). The row was priced on the source's amount, so
///   a commission worked out on the workbook's is a finding of the commission cell (`RowCauses`).
enum SourceFindings {
    static func compute(_ source: DealsTable, truth: SourceTruth, context: RowContext) -> [Finding] {
        let sourceFile = (source.file as NSString).lastPathComponent
        let sourceSheet = source.sheet ?? sourceFile
        let dealKey = truth.dealKey
        var sourceByDeal: [String: [CreditLine]] = [:]
        for line in source.lines { sourceByDeal[dealKey(line.dealID), default: []].append(line) }
        let commission = context.engine
        var findings: [Finding] = []
        /// The first `wrong_rep` finding of each deal, by its place in `findings`.
        var wrongRepFinding: [String: Int] = [:]
        /// What the engine pays the source's line priced as the workbook's row `row`, or beside the rows.
        func owed(_ row: Int) -> Decimal { (commission[row]?.commission ?? 0) + (commission[row]?.bonus ?? 0) }
        for (index, priced) in context.deals.lines.enumerated() {
            // The row as the workbook writes it.
            let line = truth.sheetLines[index] ?? priced
            let deal = dealKey(line.dealID)
            let manual = context.deals.manual[index]
            let (sheet, sheetRow) = context.place(line.row)
            // A wrong-rep row is priced for the rep the source names: the finding names the sheet's.
            let rep =
                priced.rep == line.rep ? commission[line.row]?.line?.rep ?? line.rep : truth.repNames.rosterID(line.rep)
            let period = commission[line.row]?.line?.period
            let commissionCell = context.deals.mapping(ofRow: line.row).columns[.commission].map {
                CellAddress(row: sheetRow, column: $0)
            }
            let paid =
                manual.commission.flatMap { Decimal.fromCell($0.value).number } ?? commission[line.row]?.commission ?? 0
            /// A row the source says should not be paid: its commission cell, expected 0.
            func unpaid(_ cause: Cause, _ explanation: String) -> Finding {
                Finding(
                    sheet: sheet, cell: commissionCell ?? CellAddress(row: sheetRow, column: 1),
                    dealID: line.dealID, rep: rep, period: period, manual: paid, manualText: nil,
                    expected: 0, causes: [cause], explanation: explanation, isDerived: false)
            }
            switch truth.pairings[index] {
            case .extra:
                findings.append(
                    unpaid(.extraLine, "deal \(line.dealID) is not in \(sourceFile); it should earn nothing"))
            case .wrongRep(let stands):
                let owners = (sourceByDeal[deal] ?? []).map(\.rep).joined(separator: ", ")
                if wrongRepFinding[deal] == nil { wrongRepFinding[deal] = findings.count }
                var finding = unpaid(
                    .wrongRep, "\(sourceFile) credits deal \(line.dealID) to \(owners), not \(line.rep)")
                if let stands {
                    // The row is priced as the source's line it stands for: what that line's rep is owed.
                    let owner = source.lines[stands]
                    finding.owedElsewhere.append(
                        OwedShare(
                            rep: commission[line.row]?.line?.rep ?? owner.rep, period: period, amount: owed(line.row)))
                    finding.explanation +=
                        "; \(owner.rep) is owed \(owed(line.row).groupedMoneyText) for it (\(sourceFile) row \(owner.row))"
                }
                findings.append(finding)
            case .matched(let match):
                let amount = source.lines[match].amount
                guard amount != line.amount, let column = context.deals.mapping(ofRow: line.row).columns[.amount] else {
                    continue
                }
                var finding = Finding(
                    sheet: sheet, cell: CellAddress(row: sheetRow, column: column), dealID: line.dealID, rep: rep,
                    period: period, manual: line.amount, manualText: nil, expected: amount, causes: [.amountMismatch],
                    explanation: "\(sourceFile) books deal \(line.dealID) at \(amount.groupedMoneyText)",
                    isDerived: false)
                finding.isInput = true
                findings.append(finding)
            }
        }
        let dealColumn = source.mapping.columns[.dealID] ?? 1
        for (position, index) in truth.missing.enumerated() {
            let line = source.lines[index]
            let row = truth.row(ofMissing: position)
            let found = commission[row]
            if let at = wrongRepFinding[dealKey(line.dealID)] {
                findings[at].owedElsewhere.append(
                    OwedShare(rep: found?.line?.rep ?? line.rep, period: found?.line?.period, amount: owed(row)))
                findings[at].explanation +=
                    "; \(line.rep) is owed \(owed(row).groupedMoneyText) for it (\(sourceFile) row \(line.row))"
                continue
            }
            findings.append(
                Finding(
                    sheet: sourceSheet, cell: CellAddress(row: line.row, column: dealColumn), dealID: line.dealID,
                    rep: found?.line?.rep ?? line.rep, period: found?.line?.period, manual: 0, manualText: nil,
                    expected: owed(row), causes: [.missingLine],
                    explanation: "deal \(line.dealID) for \(line.rep) is in \(sourceFile) but not in the workbook",
                    isDerived: false))
        }
        return findings
    }

    /// Adds `sourced` to `findings`: a row the source says should earn nothing (`extra_line`,
    /// `wrong_rep`) is one finding at its commission cell, which takes the place of the row's own
    /// comparison there, so that its money is counted once.
    static func add(_ sourced: [Finding], to findings: inout [Finding]) {
        let unpaid = Set(
            sourced.filter { $0.cause == .extraLine || $0.cause == .wrongRep }.map {
                CellPlace(sheet: $0.sheet, cell: $0.cell)
            })
        if !unpaid.isEmpty { findings.removeAll { unpaid.contains(CellPlace(sheet: $0.sheet, cell: $0.cell)) } }
        findings += sourced
    }
}

/// Deal ids compared as the engine compares them, and ids of digits alone as numbers: a
/// spreadsheet drops an id's leading zeros when it stores it as a number (`00123` in the CRM's
/// export is `123` in the workbook). Unless that would make two ids of one table one (`0123` and
/// `123` both in the export): then every id is compared as written.
struct DealKeys {
    private let byNumber: Bool

    /// `tables`: each table's deal ids (read where they are: a lazy map over ten million lines
    /// makes no array of their ids).
    init(_ tables: [any Sequence<String>]) {
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
    /// The roster's id of each key, as the roster writes it.
    private var ids: [String: String] = [:]

    init(_ roster: [RosterEntry]) {
        for rep in roster {
            keys[rep.id.normalizedKey] = rep.id.normalizedKey
            ids[rep.id.normalizedKey] = rep.id
            if let name = rep.name { keys[name.normalizedKey] = rep.id.normalizedKey }
        }
    }

    func id(_ text: String) -> String {
        let key = text.normalizedKey
        return keys[key] ?? key
    }

    /// The roster's id of the rep `text` names, as the engine's lines name it; `text` itself
    /// when the roster has no such rep.
    func rosterID(_ text: String) -> String { ids[id(text)] ?? text }
}
