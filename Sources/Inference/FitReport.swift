import Commission
import Foundation

/// How far a plan reproduces a workbook's own figures, row by row, run through the real engine.
public struct FitReport: Sendable {
    /// A row whose manual figure the plan does not give.
    public struct Miss: Sendable, Hashable {
        /// The row's key (`DealsTable.rowKey`: its sheet and row).
        public var row: Int
        /// The row as people find it (`12`, or `Febrero!12` when the deals come from several sheets).
        public var label: String
        /// The row's sheet when the deals come from several sheets.
        public var sheet: String?
        public var dealID: String
        public var rep: String
        public var manual: Decimal
        /// The plan's figure for the row (commission, plus its per-deal bonus when the sheet has no
        /// bonus column); nil when the engine gives the row nothing.
        public var expected: Decimal?
    }

    /// Rows with a manual commission.
    public var rows: Int
    public var reproduced: Int
    /// Σ |manual commission| over all rows, and over the rows reproduced.
    public var money: Decimal
    public var moneyReproduced: Decimal
    public var misses: [Miss]
    /// Why the engine could not run the plan, when it could not.
    public var engineError: String?

    public var share: Double { rows == 0 ? 0 : Double(reproduced) / Double(rows) }

    /// Runs `plan` over the workbook's lines and compares each row's commission (and bonus,
    /// when the sheet has a bonus column) with the engine's, to the cent.
    public static func measure(plan: Plan, roster: [RosterEntry], evidence: WorkbookEvidence) -> FitReport {
        do {
            return compare(try RowFigures(plan: plan, roster: roster, evidence: evidence), evidence: evidence)
        } catch {
            let money = evidence.observations.reduce(Decimal(0)) { $0 + abs($1.commission ?? 0) }
            return FitReport(
                rows: evidence.observations.filter { $0.commission != nil }.count, reproduced: 0, money: money,
                moneyReproduced: 0, misses: [], engineError: error.description)
        }
    }

    /// Compares the engine's figures for each row, each passed through `finish` (a rounding), with the sheet's.
    static func compare(
        _ figures: RowFigures, evidence: WorkbookEvidence, finish: (Decimal) -> Decimal = { $0 }
    ) -> FitReport {
        var report = FitReport(rows: 0, reproduced: 0, money: 0, moneyReproduced: 0, misses: [])
        let halfCent = Decimal(string: "0.005")!
        for observation in evidence.observations {
            guard let manual = observation.commission else { continue }
            let row = observation.line.row
            report.rows += 1
            report.money += abs(manual)
            var expected = figures.commission[row].map(finish)
            let bonus = figures.bonus[row].map(finish)
            if !evidence.hasBonusColumn, let bonus { expected = (expected ?? 0) + bonus }
            var fits = expected.map { abs($0 - manual) <= halfCent } ?? (manual == 0)
            if evidence.hasBonusColumn {
                fits = fits && abs((observation.bonus ?? 0) - (bonus ?? 0)) <= halfCent
            }
            if fits {
                report.reproduced += 1
                report.moneyReproduced += abs(manual)
            } else {
                report.misses.append(
                    Miss(
                        row: row, label: evidence.rowLabel(row), sheet: evidence.sheetName(ofRow: row),
                        dealID: observation.line.dealID, rep: observation.line.rep, manual: manual,
                        expected: expected))
            }
        }
        return report
    }
}

/// The engine's figures for each source row of one run: commission, per-deal bonus, rep-period.
struct RowFigures {
    var commission: [Int: Decimal] = [:]
    var bonus: [Int: Decimal] = [:]
    /// `rep period` of each row's commission line.
    var repPeriod: [Int: String] = [:]

    init(plan: Plan, roster: [RosterEntry], evidence: WorkbookEvidence) throws(EngineError) {
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: roster, lines: evidence.observations.map(\.line))
        commission.reserveCapacity(evidence.observations.count)
        repPeriod.reserveCapacity(evidence.observations.count)
        for group in statement.lineGroups {
            for line in group {
                guard let row = line.row else { continue }
                switch line.kind {
                case .commission:
                    commission[row, default: 0] += line.amount
                    repPeriod[row] = "\(line.rep) \(line.period)"
                case .bonus: bonus[row, default: 0] += line.amount
                case .trueUp, .clawback: continue
                }
            }
        }
    }
}

/// `rows 17, 88 and 203`: row numbers for people, the first few and how many more.
public func rowList(_ rows: [Int], limit: Int = 6, label: (Int) -> String = { String($0) }) -> String {
    let shown = rows.prefix(limit).map(label)
    let word = rows.count == 1 ? "row" : "rows"
    if rows.count > limit { return "\(word) " + shown.joined(separator: ", ") + " and \(rows.count - limit) more" }
    if shown.count <= 1 { return "\(word) " + shown.joined() }
    return "\(word) " + shown.dropLast().joined(separator: ", ") + " and " + shown.last!
}
