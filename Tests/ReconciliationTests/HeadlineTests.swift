import Commission
import Foundation
import Ingest
import PlanFile
import Reports
import Spreadsheet
import TestSupport
import Testing

@testable import Reconciliation

/// The headline counts each wrong figure once (plan-format.md §7): a wrong total names the wrong
/// cells it adds up, and the net figure agrees with the workbook's own totals.
@Suite struct HeadlineTests {
    /// A table with a header and no deal row under it compares nothing, and its headline says so
    /// rather than that every figure matches; a table of right rows says they match.
    @Test func aTableWithoutRowsSaysNothingWasCompared() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-headline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manual.csv").path
        let header = "Deal ID,Rep,Close Date,Amount,Split,Rate,Commission"
        try header.write(toFile: path, atomically: true, encoding: .utf8)
        let empty = ReconciliationText(result: try CauseTests.reconcile(path), currency: "USD").render()
        #expect(empty.hasPrefix("No errors, and nothing to compare: no deal row under the header."))
        try [header, "D2,R1,2026-01-15,10000,1,0.05,500.00"].joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let right = ReconciliationText(result: try CauseTests.reconcile(path), currency: "USD").render()
        #expect(right.hasPrefix("No errors: every figure matches the plan within its tolerance."))
    }

    /// Scenarios whose summary sheet does not add up every wrong figure the headline counts, so the
    /// net cannot be derived from the summary's totals alone (each with the reason).
    static let notDerivable: [String: String] = [
        "case-04":
            "rep01's commission total Summary!C2 is a typed value (hardcoded_formula), not a sum: the wrong row "
            + "Deals!K24 of the same rep-period is a wrong figure of its own that the workbook's total does not hold"
    ]

    static func plan(_ name: String) throws -> Plan {
        try PlanFile.load(
            path: ScenarioReconciliationTests.folder.appendingPathComponent(name).appendingPathComponent("plan.yaml")
                .path)
    }

    @Test(arguments: ScenarioReconciliationTests.cases)
    func netOverpaymentIsTheWorkbooksTotalsLessTheEngines(_ name: String) throws {
        let (result, _) = try ScenarioReconciliationTests.reconcile(name)
        let tolerance = try Self.plan(name).tolerance
        // Every total's precedents are pay errors of the reconciliation, none of them itself.
        let places = Set(
            result.findings.filter { $0.isError && $0.isPay }.map { CellPlace(sheet: $0.sheet, cell: $0.cell) })
        for finding in result.findings {
            #expect(!finding.precedents.contains(CellPlace(sheet: finding.sheet, cell: finding.cell)))
            for precedent in finding.precedents { #expect(places.contains(precedent), "\(name) \(precedent)") }
            if finding.isDerived && finding.isPay && finding.isError {
                #expect(!finding.precedents.isEmpty, "\(name) \(finding.sheet)!\(finding.cell) names no cells")
            }
        }
        // The workbook's own totals less the engine's, over the rep-periods its summary has.
        let totals = result.sheetTotals.values.reduce(Decimal(0)) { $0 + $1.manual - $1.expected }
        // What the headline counts from wrong figures outside those totals (other sheets' rows of
        // rep-periods the summary lacks) is not in them.
        let summarised = Set(result.sheetTotals.keys)
        let outside = result.headlineDifferences.reduce(Decimal(0)) { sum, entry in
            let finding = result.findings[entry.key]
            guard let rep = finding.rep, let period = finding.period,
                !summarised.contains(RepPeriod(rep: rep, period: period))
            else { return sum }
            return sum + entry.value
        }
        let slack = tolerance * Decimal(result.findings.count + 1)
        if let reason = Self.notDerivable[name] {
            print("headline \(name): not derivable (\(reason))")
            return
        }
        guard !result.sheetTotals.isEmpty else {
            print("headline \(name): no summary totals")
            return
        }
        #expect(
            abs(result.netOverpayment - outside - totals) <= slack,
            "\(name): net \(result.netOverpayment), outside the summary \(outside), the summary's totals less the engine's \(totals)"
        )
        print(
            "headline \(name): net \(result.netOverpayment), summary totals − engine \(totals), "
                + "\(result.wrongFigures.count) wrong figures, \(result.errors.count - result.wrongFigures.count) derived totals"
        )
    }

    /// The document: each finding's counted difference adds up to the net, and the counts add up.
    @Test(arguments: ScenarioReconciliationTests.cases)
    func documentCountsEachWrongFigureOnce(_ name: String) throws {
        let (result, _) = try ScenarioReconciliationTests.reconcile(name)
        let plan = try Self.plan(name)
        let document = FindingsDocument(result, plan: plan, workbook: .init(file: "manual.xlsx", sha256: ""))
        let counted = document.findings.compactMap(\.countedDifference).reduce(Decimal(0)) { $0 + $1.value }
        #expect(counted == document.summary.netOverpayment.value)
        #expect(
            document.summary.errors + document.summary.derivedTotals + document.summary.rounding
                == document.findings.count)
        #expect(document.summary.byCause.values.reduce(0, +) == document.summary.errors)
        // The text lists every finding once, each total's precedents beneath it.
        let text = ReconciliationText(result: result, currency: "").render()
        for finding in result.findings {
            #expect(text.contains("!\(finding.cell)"), "\(name) \(finding.sheet)!\(finding.cell)")
        }
    }

    /// A tab per rep with a Total row each, and a Summary adding up the same rows: a tab's total
    /// and the summary's figure over the same wrong cells are one wrong figure, so the net is what
    /// the Summary pays wrong.
    @Test func parallelTotalsOverTheSameRowsCountOnce() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        let result = try Reconciler.reconcile(
            workbook: samples.appendingPathComponent("q3-by-rep.xlsx").path,
            plan: PlanFile.load(path: samples.appendingPathComponent("q3-plan.yaml").path),
            roster: RosterReader.read(TableFile.open(samples.appendingPathComponent("roster.csv").path)))
        #expect(!result.sheetTotals.isEmpty)
        let paidWrong = result.sheetTotals.values.reduce(Decimal(0)) { $0 + $1.manual - $1.expected }
        #expect(result.netOverpayment == paidWrong)
    }

    /// tester7 failure 1: a Summary's SUMIFS reaches a tab's wrong row and the tab's Total row
    /// over it (a Total has no rep, so it is among any rep's candidates): the Total's part is 0,
    /// and the Summary takes away the row's part and the Total's, not the row's difference twice.
    /// The same for a grand total over rep subtotals over rows. The net is the rows' −50.
    @Test func aTotalOverATotalAndItsRowsCountsEachRowOnce() throws {
        let period = try #require(Period(label: "2026-Q3", kind: .quarter, fiscalYearStart: 1))
        func finding(
            _ sheet: String, _ cell: String, _ manual: Decimal, _ expected: Decimal, rep: String?, derived: Bool,
            precedents: [String]
        ) -> Finding {
            var finding = Finding(
                sheet: sheet, cell: CellAddress(cell)!, dealID: nil, rep: rep, period: rep == nil ? nil : period,
                manual: manual, manualText: nil, expected: expected, causes: [.wrongRate], explanation: "",
                isDerived: derived)
            finding.precedents = precedents.map { CellPlace(sheet: "Deals", cell: CellAddress($0)!) }
            return finding
        }
        let statement = Statement(plan: "p", currency: "USD", lineGroups: [], reps: [], issues: [])
        let row = finding("Deals", "F4", 350, 400, rep: "Ben", derived: false, precedents: [])
        let total = finding("Deals", "F5", 2750, 2800, rep: nil, derived: true, precedents: ["F4"])
        let summary = finding("Summary", "B3", 350, 400, rep: "Ben", derived: true, precedents: ["F4", "F5"])
        for order in [[summary, total, row], [row, total, summary], [total, summary, row]] {
            let result = Reconciliation(findings: order, statement: statement, mappingNotes: [], sheetTotals: [:])
            #expect(result.netOverpayment == -50, "\(order.map(\.cell))")
        }
        // A grand total over two subtotals, each over a wrong row; the grand total reaches the
        // subtotals alone. One subtotal's range misses a row: it adds −10 of its own.
        let rows = [
            finding("Deals", "F2", 90, 100, rep: "Ann", derived: false, precedents: []),
            finding("Deals", "F6", 230, 200, rep: "Ben", derived: false, precedents: []),
        ]
        let subtotals = [
            finding("Deals", "F3", 90, 100, rep: nil, derived: true, precedents: ["F2"]),
            finding("Deals", "F7", 220, 200, rep: nil, derived: true, precedents: ["F6"]),
        ]
        let grand = finding("Deals", "F8", 310, 300, rep: nil, derived: true, precedents: ["F3", "F7"])
        let result = Reconciliation(
            findings: [grand] + subtotals + rows, statement: statement, mappingNotes: [], sheetTotals: [:])
        #expect(result.netOverpayment == 10)
        #expect(result.headlineDifferences[0] == 0)
        #expect(result.headlineDifferences[2] == -10)
        // Each rep's Summary figure reaches the tab's grand total through its SUMIFS range (no
        // rep, over both reps' rows) but adds only its own rep's row: the net is the rows' (tester7
        // b09: it was 0.00, each figure taking the other rep's row away).
        let grandTotal = finding(
            "Deals", "G26", 57_038, Decimal(string: "55787.85")!, rep: nil, derived: true, precedents: ["G9", "G24"])
        let reps = Reconciliation(
            findings: [
                finding("Deals", "G9", 2_000, 750, rep: "Ann", derived: false, precedents: []),
                finding(
                    "Deals", "G24", 4_767, 4_767 - Decimal(string: "0.15")!, rep: "Ben", derived: false, precedents: []),
                grandTotal,
                finding("Summary", "C5", 2_000, 750, rep: "Ann", derived: true, precedents: ["G9", "G26"]),
                finding(
                    "Summary", "C7", 8_000, 8_000 - Decimal(string: "0.15")!, rep: "Ben", derived: true,
                    precedents: ["G24", "G26"]),
            ], statement: statement, mappingNotes: [], sheetTotals: [:])
        #expect(reps.netOverpayment == Decimal(string: "1250.15")!)
        #expect(reps.headlineDifferences[3] == 0 && reps.headlineDifferences[4] == 0)
        // A number stored as text that the totals skip costs what they leave out (tester7 c28:
        // the net was 0.00 where Ben is paid 1,094.77 short and Ann 1,270.24 over).
        var text = finding(
            "Deals", "E7", Decimal(string: "1094.77")!, Decimal(string: "1094.77")!, rep: "Ben", derived: false,
            precedents: [])
        text.causes = [.textNumber]
        let skipped = Reconciliation(
            findings: [
                finding(
                    "Deals", "E5", Decimal(string: "4734.98")!, Decimal(string: "3464.74")!, rep: "Ann", derived: false,
                    precedents: []), text,
                finding(
                    "Deals", "E9", Decimal(string: "7024.14")!, Decimal(string: "6848.67")!, rep: nil, derived: true,
                    precedents: ["E5", "E7"]),
                finding(
                    "Summary", "B3", 0, Decimal(string: "1094.77")!, rep: "Ben", derived: true,
                    precedents: ["E7", "E9"]),
                finding(
                    "Summary", "B5", Decimal(string: "4734.98")!, Decimal(string: "3464.74")!, rep: "Ann",
                    derived: true, precedents: ["E5", "E9"]),
            ], statement: statement, mappingNotes: [], sheetTotals: [:])
        #expect(skipped.netOverpayment == Decimal(string: "175.47")!)
        #expect(skipped.headlineDifferences[1] == Decimal(string: "-1094.77")!)
    }

    /// A pay cell that could not be read ("TBD") pays an unknown amount: the net leaves it out and
    /// the summary counts it apart, and a total over it counts what the total pays beyond the plan.
    @Test func anUnreadableCellIsLeftOutOfTheNetAndCountedApart() throws {
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        var rows = CauseTests.goodRows(row: 3, rate: "0.06", commission: "600")
        rows[2].commission = .text("TBD")
        let result = try CauseTests.reconcile(CauseTests.workbook(rows))
        let unreadable = try #require(result.findings.first { $0.cell == CellAddress("G4") })
        #expect(unreadable.cause == .unreadable && !unreadable.hasKnownDifference)
        #expect(result.netOverpayment == 100)
        #expect(result.unknownDifferences == 1)
        let document = FindingsDocument(result, plan: plan, workbook: .init(file: "manual.xlsx", sha256: ""))
        #expect(document.summary.unknownDifferences == 1)
        #expect(document.summary.netOverpayment.value == 100)
        #expect(document.findings.first { $0.cell == "G4" }?.countedDifference == nil)
        #expect(document.reps.map(\.difference.value) == [100])
        let json = String(decoding: try JSONEncoder().encode(document.summary), as: UTF8.self)
        #expect(json.contains("\"unknown_differences\":1"), "\(json)")
        let text = ReconciliationText(result: result, currency: "USD").render()
        #expect(text.contains("net overpayment 100.00 USD, leaving out 1 cell that could not be read"), "\(text)")

        // SUM passes over the text: the total pays 1,600 where the plan pays 2,000. The wrong
        // rate explains +100 of its −400; the rest is the total's own.
        let totalled = try CauseTests.reconcile(
            CauseTests.workbook(rows, total: CauseTests.formula("1600", "SUM(G2:G5)")))
        let total = try #require(totalled.findings.first { $0.cell == CellAddress("G6") })
        #expect(total.precedents.contains(CellPlace(sheet: "Deals", cell: CellAddress("G4")!)))
        #expect(totalled.headlineDifferences[totalled.findings.firstIndex(of: total)!] == -500)
        #expect(totalled.netOverpayment == -400)

        // Without any unreadable cell the key is not written, and a summary without it reads as 0.
        let clean = FindingsDocument(
            try CauseTests.reconcile(CauseTests.workbook(CauseTests.goodRows(row: 3, rate: "0.06", commission: "600"))),
            plan: plan, workbook: .init(file: "manual.xlsx", sha256: ""))
        let cleanJSON = try JSONEncoder().encode(clean.summary)
        #expect(!String(decoding: cleanJSON, as: UTF8.self).contains("unknown_differences"))
        #expect(try JSONDecoder().decode(FindingsDocument.Summary.self, from: cleanJSON).unknownDifferences == 0)
    }
}
