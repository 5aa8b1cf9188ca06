import Commission
import Foundation
import Ingest
import Spreadsheet

/// Reconciles a hand-kept commission workbook against the engine (plan-format.md section 6).
///
/// Row level: each row's manual commission (and bonus) against the engine's lines for that row.
/// Rep-period level: a summary sheet's totals against the engine's. Every difference beyond the
/// plan's tolerance gets a cause, found by re-running the engine under the readings a sheet's
/// author may have used and by reading the sheet's formulas; differences within it are `rounding`.
public enum Reconciler {
    /// `source`, when given, is a trusted export of the same deals (a CRM), read like any deals file.
    public static func reconcile(
        workbook path: String, plan: Plan, roster: [RosterEntry], sheet: String? = nil, pins: [String: String] = [:],
        source: String? = nil
    ) throws -> Reconciliation {
        let file = try TableFile.open(path)
        let deals = try DealsReader.read(file, sheet: sheet, pins: pins)
        let rosterEntries = roster.isEmpty ? plan.reps : roster
        let duplicates = DuplicateRows.find(deals.lines)
        let kept = deals.lines.enumerated().filter { duplicates[$0.offset] == nil }.map(\.element)
        let statement = try CommissionEngine.calculate(plan: plan, roster: rosterEntries, lines: kept)
        let context = RowContext(
            plan: plan, roster: rosterEntries, deals: deals, kept: kept, statement: statement, duplicates: duplicates)
        var findings = RowFindings.compute(context)
        if let summary = try SummarySheet.find(in: file, excluding: deals.sheet) {
            findings += SummaryFindings.compute(summary, context: context, rowFindings: findings)
        }
        if let source {
            findings += try SourceFindings.compute(DealsReader.read(TableFile.open(source)), context: context)
        }
        findings.sort {
            abs($0.difference) > abs($1.difference)
                || (abs($0.difference) == abs($1.difference) && ($0.sheet, $0.cell) < ($1.sheet, $1.cell))
        }
        var notes = [
            "deals: \(deals.sheet.map { "sheet '\($0)'" } ?? "the file"), header row \(deals.mapping.headerRow)"
        ]
        notes.append(
            Field.allCases.compactMap { field in
                deals.mapping.headers[field].map { "\(field.rawValue) ← '\($0)'" }
            }.joined(separator: ", "))
        return Reconciliation(findings: findings, statement: statement, mappingNotes: notes)
    }
}

/// Rows that copy an earlier row (same deal, rep, date, amount and split): the later copy earns nothing.
enum DuplicateRows {
    /// Line index → the row it copies.
    static func find(_ lines: [CreditLine]) -> [Int: Int] {
        var seen: [String: Int] = [:]
        var result: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            let key = [
                line.dealID.normalizedKey, line.rep.normalizedKey, line.date.description, line.amount.plainText,
                line.split.plainText,
            ]
            .joined(separator: "|")
            if let first = seen[key] { result[index] = first } else { seen[key] = line.row }
        }
        return result
    }
}

/// What the row-level and summary comparisons share.
struct RowContext {
    let plan: Plan
    let roster: [RosterEntry]
    let deals: DealsTable
    let kept: [CreditLine]
    let statement: Statement
    let duplicates: [Int: Int]

    var sheetName: String { deals.sheet ?? (deals.file as NSString).lastPathComponent }

    /// The engine's amounts per source row, by kind.
    func amounts(in statement: Statement) -> [Int: (commission: Decimal, bonus: Decimal, line: StatementLine?)] {
        var result: [Int: (commission: Decimal, bonus: Decimal, line: StatementLine?)] = [:]
        for line in statement.lineGroups.joined() {
            guard let row = line.row else { continue }
            switch line.kind {
            case .commission:
                result[row, default: (0, 0, nil)].commission += line.amount
                result[row]!.line = line
            case .bonus: result[row, default: (0, 0, nil)].bonus += line.amount
            case .trueUp, .clawback: break
            }
        }
        return result
    }

    /// Whether `manual` is `expected` within the plan's tolerance.
    func matches(_ manual: Decimal, _ expected: Decimal) -> Bool {
        let difference = manual - expected
        return (difference < 0 ? -difference : difference) <= plan.tolerance
    }

    /// Whether `manual` is `exact` as a sheet would write it: exact, or rounded to cents.
    func matchesComputed(_ manual: Decimal, _ exact: Decimal) -> Bool {
        matches(manual, exact) || matches(manual, exact.rounded(places: 2, mode: .halfUp))
    }
}

extension Decimal {
    /// A cell's number at Excel's precision, or the number in a text cell; nil otherwise.
    static func fromCell(_ value: CellValue) -> (number: Decimal?, isText: Bool) {
        switch value {
        case .number(let number): return (number.excelPrecision, false)
        case .text(let text):
            if case .value(let number) = Decimal.parse(text.trimmingCharacters(in: .whitespaces)) {
                return (number, true)
            }
            return (nil, true)
        case .empty: return (0, false)
        default: return (nil, false)
        }
    }
}
