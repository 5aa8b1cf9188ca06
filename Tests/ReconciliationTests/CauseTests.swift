import Commission
import Correction
import Foundation
import PlanFile
import Reconciliation
import Reports
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// One small hand-kept workbook per cause, written with trueup's own writer: the reconciler must
/// name the planted cause at the planted cell, and nothing else.
@Suite struct CauseTests {
    /// Tiers 0 → 5%, 50,000 → 8% (per period, marginal), quarterly, no roster needed (amount metric).
    static let planText = """
        plan: Cause tests
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: period
            mode: marginal
            table:
              - { from: 0, rate: 5% }
              - { from: 50000, rate: 8% }
        """

    /// A row of the Deals sheet: deal, rep, date, amount, split, rate cell, commission cell.
    struct Row {
        var deal: String
        var rep = "R1"
        var date = "2026-01-15"
        var amount: Decimal
        var split: Decimal = 1
        var rate: WriteCell
        var commission: WriteCell
    }

    /// `summary`: rows under `summarySheet`'s header (rep, period and commission unless it says otherwise).
    /// `between`: sheet rows written after the data row of that index (subtotals, notes).
    static func workbook(
        _ rows: [Row], summary: [[WriteCell]]? = nil, total: WriteCell? = nil, between: [Int: [[WriteCell]]] = [:],
        rateColumn: Bool = true,
        summarySheet: (name: String, header: [String]) = ("Summary", ["Rep", "Period", "Commission"])
    ) throws -> String {
        try written { writer in
            try writer.beginSheet("Deals")
            try writer.writeRow(
                ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"].filter {
                    rateColumn || $0 != "Rate"
                }
                .map { .text($0) })
            for (index, row) in rows.enumerated() {
                defer { for cells in between[index] ?? [] { try? writer.writeRow(cells) } }
                let date = LocalDate(iso: row.date)!.components
                try writer.writeRow(
                    [
                        .text(row.deal), .text(row.rep),
                        WriteCell(.date(DateTimeValue(kind: .date, year: date.year, month: date.month, day: date.day))),
                        .number(row.amount), .number(row.split),
                    ] + (rateColumn ? [row.rate] : []) + [row.commission])
            }
            if let total { try writer.writeRow([.text("Total"), .empty, .empty, .empty, .empty, .empty, total]) }
            try writer.endSheet()
            if let summary {
                try writer.beginSheet(summarySheet.name)
                try writer.writeRow(summarySheet.header.map { .text($0) })
                for cells in summary { try writer.writeRow(cells) }
                try writer.endSheet()
            }
        }
    }

    /// A new `manual.xlsx` in a folder of its own, its sheets written by `write`.
    static func written(_ write: (WorkbookWriter) throws -> Void) throws -> String {
        let folder = Scratch.folder.appendingPathComponent("trueup-cause-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("manual.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try write(writer)
        try writer.finish()
        try file.commit()
        return path
    }

    static func formula(_ value: String, _ formula: String) -> WriteCell {
        WriteCell(.number(Decimal(string: value)!), formula: formula)
    }

    static func rate(_ text: String) -> WriteCell { .number(Decimal(string: text)!) }

    /// `goodRows()` with row `n` (2–5) at `rate`, its unchanged formula caching `commission`.
    static func goodRows(row n: Int, rate text: String, commission: String) -> [Row] {
        var rows = goodRows()
        rows[n - 2].rate = rate(text)
        rows[n - 2].commission = formula(commission, "ROUND(D\(n)*E\(n)*F\(n),2)")
        return rows
    }

    /// Rows 2–5 with correct formulas (`=ROUND(D*E*F,2)`): 10,000 each at 5% → 500.00.
    static func goodRows() -> [Row] {
        (2...5).map { n in
            Row(
                deal: "D\(n)", amount: 10000, rate: rate("0.05"),
                commission: formula("500", "ROUND(D\(n)*E\(n)*F\(n),2)"))
        }
    }

    static func reconcile(_ path: String, plan: String = planText) throws -> Reconciliation {
        try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
    }

    static func onlyError(_ result: Reconciliation) -> Finding? {
        result.errors.count == 1 ? result.errors[0] : nil
    }

    @Test func aCleanWorkbookHasNoErrors() throws {
        #expect(try Self.reconcile(Self.workbook(Self.goodRows())).errors.isEmpty)
    }

    @Test func wrongRateIsATypoNotInTheTable() throws {
        let rows = Self.goodRows(row: 3, rate: "0.06", commission: "600")
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.cause == .wrongRate)
        #expect(finding.difference == 100)
    }

    @Test func wrongTierIsAnotherBandsRate() throws {
        let rows = Self.goodRows(row: 4, rate: "0.08", commission: "800")
        #expect(try Self.onlyError(Self.reconcile(Self.workbook(rows)))?.cause == .wrongTier)
    }

    @Test func splitNotApplied() throws {
        var rows = Self.goodRows()
        rows[0].split = Decimal(string: "0.5")!
        rows[0].commission = Self.formula("500", "ROUND(D2*F2,2)")
        let result = try Self.reconcile(Self.workbook(rows))
        let finding = try #require(result.errors.first { $0.cell == CellAddress("G2") })
        #expect(finding.cause == .splitNotApplied)
        #expect(finding.causes.contains(.inconsistentFormula))
        #expect(finding.causes.contains(.splitTotal))
    }

    @Test func hardcodedFormulaAmongFormulas() throws {
        var rows = Self.goodRows()
        rows[3].commission = .number(450)
        #expect(try Self.onlyError(Self.reconcile(Self.workbook(rows)))?.cause == .hardcodedFormula)
    }

    @Test func arithmeticWhenTheRowsOwnRateDoesNotGiveItsCommission() throws {
        var rows = Self.goodRows()
        rows[1].commission = Self.formula("515", "ROUND(D3*E3*F3,2)+15")
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cause == .arithmetic)
        #expect(finding.causes.contains(.inconsistentFormula))
        // The text is the workbook's formulas' (the rows keep only that the cell has a formula).
        #expect(finding.explanation.contains("the formula =ROUND(D3*E3*F3,2)+15 differs from the column's"))
    }

    /// tester7's judgement call: a formula unlike its column's that reads the row below's amount
    /// (`=ROUND(D4*E3*F3,2)` on row 3) is why the row's own rate × credit does not give its figure:
    /// `inconsistent_formula` is the main cause, `arithmetic` the second.
    @Test func aFormulaReadingAnotherRowIsInconsistentFirst() throws {
        var rows = Self.goodRows()
        rows[2].amount = 15000
        rows[2].commission = Self.formula("750", "ROUND(D4*E4*F4,2)")
        rows[1].commission = Self.formula("750", "ROUND(D4*E3*F3,2)")
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.causes == [.inconsistentFormula, .arithmetic], "\(finding.explanation)")
    }

    @Test func duplicateLineEarnsNothing() throws {
        var rows = Self.goodRows()
        rows.append(rows[2])
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.cause == .duplicateLine)
        #expect(finding.expected == 0)
    }

    /// A copy whose rep is written another way (upper case, or the roster's id where the row
    /// copied names the rep) copies the row all the same.
    @Test func aCopyWritingItsRepAnotherWayIsADuplicate() throws {
        let roster = [RosterEntry(id: "R1", name: "Luca Bianchi")]
        for written in ["LUCA BIANCHI", "R1", "luca bianchi "] {
            var rows = Self.goodRows()
            for index in rows.indices { rows[index].rep = "Luca Bianchi" }
            var copy = rows[2]
            copy.rep = written
            rows.append(copy)
            let result = try Reconciler.reconcile(
                workbook: Self.workbook(rows), plan: PlanFile.parse(Self.planText, file: "plan.yaml"), roster: roster)
            let finding = try #require(Self.onlyError(result), "\(written)")
            #expect(finding.cell == CellAddress("G6") && finding.cause == .duplicateLine, "\(written)")
        }
    }

    /// A row repeating an earlier one under a later date (paid again the next month) is a
    /// duplicate when without it the deal's splits add up to 100%; a deal's second row that
    /// completes its splits (50% + 50%), or a repeat that leaves them short, is none.
    @Test func aRowRepeatedUnderALaterDateIsADuplicateWhenTheSplitsSaySo() throws {
        var rows = Self.goodRows()
        var again = rows[2]
        again.date = "2026-02-20"
        rows.append(again)
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.cause == .duplicateLine)
        #expect(finding.expected == 0)
        #expect(finding.explanation.contains("dated 2026-02-20"), "\(finding.explanation)")
        // Two halves of one deal, a month apart: both earn.
        var halves = Self.goodRows()
        halves[2].split = Decimal(string: "0.5")!
        halves[2].commission = Self.formula("250", "ROUND(D4*E4*F4,2)")
        var second = halves[2]
        second.date = "2026-02-20"
        second.commission = Self.formula("250", "ROUND(D6*E6*F6,2)")
        halves.append(second)
        #expect(try Self.reconcile(Self.workbook(halves)).errors.isEmpty)
        // A third of a deal twice (67%): short of 100% either way, so no row is the copy.
        var thirds = halves
        for index in [2, 4] {
            thirds[index].split = Decimal(string: "0.33")!
            thirds[index].commission = Self.formula("165", "ROUND(D\(index + 2)*E\(index + 2)*F\(index + 2),2)")
        }
        #expect(try Self.reconcile(Self.workbook(thirds)).errors.isEmpty)
    }

    /// Marginal tiers, 40,000.00 then 20,000.00 in a quarter: the first row's rate cell holds the
    /// plan's 5%, its figure 3,200.00 is the whole credit at 8%, as the retroactive reading pays
    /// it. No rate is typed wrong, so the reading is the cause (plan-format.md §7), not another
    /// tier's rate inferred from the figure (fuzz-reconcile, seed 89).
    @Test func aReadingExplainsAFigureWhoseRateCellHoldsThePlansRate() throws {
        let rows = [
            Row(deal: "D1", amount: 40000, rate: Self.rate("0.05"), commission: .number(3200)),
            Row(deal: "D2", date: "2026-02-15", amount: 20000, rate: Self.rate("0.065"), commission: .number(1300)),
        ]
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G2") && finding.cause == .marginalVsRetroactive, "\(finding.explanation)")
    }

    /// Marginal tiers of 5%, 8% from 50,000 and 12% from 100,000, a per-deal cap of 4,000:
    /// 50,000.00 then 60,000.00 in a quarter. The first row's rate cell holds 12% and its figure
    /// is the cap, 4,000.00, as the retroactive reading pays it (12% of 50,000 capped); 4,000.00
    /// is 8% of the credit too, another band's rate, but no cell holds 8%: the rate the sheet
    /// shows gives the figure only under the cap, so the reading is the cause (plan-format.md §7),
    /// not another tier's rate inferred from the figure (fuzz-reconcile, seeds 2142, 2299, 3766).
    @Test func aReadingExplainsAFigureWhoseRateCellHoldsARateTheCapBringsToIt() throws {
        let plan = Self.planText + "\n      - { from: 100000, rate: 12% }\n  cap:\n    per_deal: 4000\n"
        let rows = [
            Row(
                deal: "D1", amount: 50000, rate: Self.rate("0.12"),
                commission: Self.formula("4000", "MIN(ROUND(D2*E2*F2,2),4000)")),
            Row(
                deal: "D2", date: "2026-02-15", amount: 60000, rate: Self.rate("0.12"),
                commission: Self.formula("4000", "MIN(ROUND(D3*E3*F3,2),4000)")),
        ]
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G2") && finding.expected == 2500)
        #expect(finding.causes == [.marginalVsRetroactive], "\(finding.explanation)")
    }

    /// `level: period` to whole units: the rows stay exact (row 3 worked out at 6.4%, 640.384
    /// where the plan pays 500.30), the summary's commission adds them up (2,140.384) and its
    /// earned rounds that once (2,140 where the plan's is 2,000): the earned is wrong by the row
    /// it adds up, rounded, a derived total (fuzz-reconcile, seed 125).
    @Test func anEarnedRoundedOnceIsDerivedFromTheExactRowsItAddsUp() throws {
        let plan = Self.planText + "\nrounding: { places: 0, level: period }\n"
        var rows = Self.goodRows()
        rows[1].amount = 10006
        rows[1].rate = Self.rate("0.064")
        for (index, row) in rows.enumerated() {
            let n = index + 2
            rows[index].commission = Self.formula(
                "\(row.amount * (index == 1 ? Decimal(string: "0.064")! : Decimal(string: "0.05")!))",
                "D\(n)*E\(n)*F\(n)")
        }
        let summary: [[WriteCell]] = [
            [
                .text("R1"), .text("2026-Q1"), Self.formula("2140.384", "SUM(Deals!G2:G5)"),
                Self.formula("2140", "ROUND(C2,0)"),
            ]
        ]
        let book = try Self.workbook(
            rows, summary: summary, summarySheet: ("Summary", ["Rep", "Period", "Commission", "Earned"]))
        let errors = try Self.reconcile(book, plan: plan).errors
        let earned = try #require(errors.first { $0.sheet == "Summary" && $0.cell == CellAddress("D2") })
        let row = try #require(errors.first { $0.sheet == "Deals" && $0.cell == CellAddress("G3") })
        #expect(earned.isDerived && earned.cause == row.cause, "\(earned.explanation)")
    }

    /// A Deals sheet with a product column and no bonus column: `rows` of (deal, rep, amount,
    /// split, product, rate, commission), closed in January.
    static func productWorkbook(_ rows: [(String, String, Decimal, Decimal, String, String, WriteCell)]) throws
        -> String
    {
        try written { writer in
            try writer.beginSheet("Deals")
            try writer.writeRow(
                ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Product", "Rate", "Commission"].map { .text($0) })
            for row in rows {
                try writer.writeRow([
                    .text(row.0), .text(row.1),
                    WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: 15))),
                    .number(row.2), .number(row.3), .text(row.4), rate(row.5), row.6,
                ])
            }
            try writer.endSheet()
        }
    }

    /// The cause tests' plan with an override pricing Services lines at `rate` and a 100 SPIFF
    /// on every line.
    static func servicesPlan(rate: String) -> String {
        planText + """

              overrides:
                - { when: { product: Services }, rate: \(rate) }
            bonuses:
              - { name: SPIFF, per_deal: 100 }
            """
    }

    /// An override that prices a Services line at 5%, the tier's own rate, and a 100 SPIFF held
    /// in the commission cell: 600.00 due. A figure of 500.00 leaves the SPIFF out; the line
    /// without its override pays 500.00 too, but with its SPIFF 600.00, so no override is left
    /// out (fuzz-reconcile, seed 758).
    @Test func aSpiffLeftOutOfAnOverriddenLineIsNoOverrideLeftOut() throws {
        let plan = Self.servicesPlan(rate: "5%")
        let book = try Self.productWorkbook([("D1", "R1", 10000, 1, "Services", "0.05", .number(500))])
        let finding = try #require(Self.onlyError(Self.reconcile(book, plan: plan)))
        #expect(finding.cell == CellAddress("H2") && finding.causes == [.bonusMissing], "\(finding.explanation)")
    }

    /// Half of a 20,000.00 Services deal at the override's 3% (300.00) and half a 100 SPIFF
    /// (50.00), both in the commission cell: 350.00 due. A figure of 650.00 is the override's rate
    /// on the full amount with the SPIFF: the split left out (fuzz-reconcile, seed 1057).
    @Test func theSplitLeftOutOfAnOverriddenLineWithItsSpiff() throws {
        let plan = Self.servicesPlan(rate: "3%")
        let half = Decimal(string: "0.5")!
        let book = try Self.productWorkbook([
            ("D1", "R1", 20000, half, "Services", "0.03", .number(650)),
            ("D1", "R2", 20000, half, "Services", "0.03", .number(350)),
        ])
        let finding = try #require(Self.onlyError(Self.reconcile(book, plan: plan)))
        #expect(finding.cell == CellAddress("H2") && finding.cause == .splitNotApplied, "\(finding.explanation)")
    }

    /// A half share of a 30,000.00 deal under a 500 per-deal cap: 750.00 capped to 500.00, plus
    /// its half of a 100 SPIFF, 550.00 in the commission cell (no bonus column). A figure of
    /// 500.00 leaves the SPIFF out (`bonus_missing`); the full amount, the split ignored, is
    /// capped to 500.00 too but still adds the SPIFF (fuzz-reconcile, seed 103).
    @Test func aSpiffLeftOutUnderTheCapIsNoSplitIgnored() throws {
        let plan =
            Self.planText + """

                  cap: { per_deal: 500 }
                bonuses:
                  - { name: SPIFF, per_deal: 100 }
                """
        let rows = [
            Row(
                deal: "D1", amount: 30000, split: Decimal(string: "0.5")!, rate: Self.rate("0.05"),
                commission: .number(500)),
            Row(
                deal: "D1", rep: "R2", amount: 30000, split: Decimal(string: "0.5")!, rate: Self.rate("0.05"),
                commission: .number(550)),
        ]
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G2") && finding.causes == [.bonusMissing], "\(finding.explanation)")
    }

    /// Without a bonus column a row's figure holds its SPIFF: one left out is `bonus_missing`, one
    /// paid on a line that does not qualify is `bonus_not_due` — not a tier reading that happens
    /// to give the commission alone.
    @Test func spiffsInTheCommissionFigureLeftOutOrNotDue() throws {
        let plan =
            Self.planText + """

                bonuses:
                  - { name: January SPIFF, per_deal: 100, when: { from: 2026-01-01, to: 2026-01-31 } }
                """
        var rows = Self.goodRows()
        rows[0].commission = .number(600)
        rows[1].commission = .number(600)
        rows[2].commission = .number(500)
        rows[3].date = "2026-02-15"
        rows[3].commission = .number(600)
        let result = try Self.reconcile(Self.workbook(rows), plan: plan)
        #expect(result.errors.map { "\($0.cell) \($0.cause)" }.sorted() == ["G4 bonus_missing", "G5 bonus_not_due"])
        #expect(result.errors.first { $0.cell == CellAddress("G4") }?.difference == -100)
        // The other band's rate with the SPIFF added (10,000 × 8% + 100) is a wrong tier, its
        // rate × credit short of the figure by the bonus it holds: no arithmetic slip.
        var tier = Self.goodRows()
        for index in tier.indices { tier[index].commission = .number(600) }
        tier[0].rate = Self.rate("0.08")
        tier[0].commission = .number(900)
        let wrongTier = try #require(Self.onlyError(Self.reconcile(Self.workbook(tier), plan: plan)))
        #expect(wrongTier.cell == CellAddress("G2"))
        #expect(wrongTier.causes == [.wrongTier], "\(wrongTier.explanation)")
    }

    @Test func textNumberAndUnreadable() throws {
        var rows = Self.goodRows()
        rows[0].commission = .text("510")
        rows[1].commission = .text("TBD")
        let result = try Self.reconcile(Self.workbook(rows))
        // 510 where the row's own rate × credit is 500: that is the cause; the text comes after it.
        #expect(result.errors.first { $0.cell == CellAddress("G2") }?.causes == [.arithmetic, .textNumber])
        #expect(result.errors.first { $0.cell == CellAddress("G3") }?.cause == .unreadable)
    }

    /// A right commission stored as text among numbers is `text_number` (a total that adds the
    /// column skips it); a column pasted as text throughout (more than half its figures) is the
    /// sheet's way of keeping it, counted once in the report, and only its wrong figures are findings.
    @Test func aRightFigureStoredAsTextIsAFindingOnlyAmongNumbers() throws {
        var rows = Self.goodRows()
        rows[0].commission = .text("500.00")
        let among = try Self.reconcile(Self.workbook(rows))
        #expect(among.errors.map(\.cell) == [CellAddress("G2")!])
        #expect(among.errors.first?.cause == .textNumber, "\(among.errors.map(\.causes))")
        rows[1].commission = .text("500.00")
        rows[2].commission = .text("500.00")
        rows[3].commission = .text("600.00")
        let pasted = try Self.reconcile(Self.workbook(rows))
        #expect(pasted.errors.map { "\($0.cell)" } == ["G5"])
        #expect(pasted.errors.first?.manual == 600)
    }

    /// Commissions typed as money text, in the styles their own separators show, are read as
    /// the numbers they are; a wrong one has its cause named.
    @Test func commissionsTypedAsMoneyTextAreReadAsTheirNumbers() throws {
        var rows = Self.goodRows()
        rows[0].commission = .text("$500.00")
        rows[1].commission = .text("500,00 €")
        rows[2].commission = .text("USD 600.00")
        rows[3].commission = .text("1.500,00")
        let result = try Self.reconcile(Self.workbook(rows))
        func finding(_ cell: String) -> Finding? { result.errors.first { $0.cell == CellAddress(cell)! } }
        // The column is text throughout: its right figures are read as such, no findings.
        #expect(finding("G2") == nil && finding("G3") == nil)
        #expect(finding("G4")?.manual == 600)
        // Text explains no money: the difference's cause comes first.
        #expect(finding("G4")?.causes.last == .textNumber && finding("G4")?.cause != .textNumber)
        #expect(finding("G4")?.difference == 100)
        #expect(finding("G5")?.manual == 1500)
        #expect(!result.errors.contains { $0.cause == .unreadable })
        // A cell alone does not tell `2.000 €` from 2.000 or 2000: not read as 2.
        rows[0].commission = .text("500.000 €")
        let unsure = try Self.reconcile(Self.workbook(rows))
        #expect(unsure.errors.first { $0.cell == CellAddress("G2") }?.cause == .unreadable)
    }

    /// A CSV file holds only text: its right figures are not numbers stored as text, and a wrong
    /// one is named by its cause alone.
    @Test func aCSVWorkbooksNumbersAreNotTextNumbers() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-cause-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("manual.csv").path
        let rows = (2...5).map { n in "D\(n),R1,2026-01-15,10000,1,0.05,\(n == 3 ? "600.00" : "500.00")" }
        try (["Deal ID,Rep,Close Date,Amount,Split,Rate,Commission"] + rows).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.reconcile(path)
        #expect(result.errors.map(\.causes) == [[.arithmetic]])
        #expect(!result.mappingNotes.contains { $0.contains("text_number") })
        // A right total row is no finding either: its text is the number it writes.
        let right = (2...5).map { n in "D\(n),R1,2026-01-15,10000,1,0.05,500.00" } + ["Total,,,,,,\"$2,000.00\""]
        try (["Deal ID,Rep,Close Date,Amount,Split,Rate,Commission"] + right).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.reconcile(path).findings.isEmpty)
    }

    /// A commission cell left blank on a row the plan pays, among rows whose cells are filled, is
    /// a finding of its whole cost; a blank on a row the plan pays nothing for is none.
    @Test func aBlankCommissionTheSheetForgotIsAFinding() throws {
        var rows = Self.goodRows()
        rows[1].commission = .empty
        let result = try Self.reconcile(Self.workbook(rows))
        let finding = try #require(Self.onlyError(result))
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.manual == 0 && finding.expected == 500 && finding.difference == -500)
        #expect(finding.explanation.contains("blank"))
        rows[1].amount = 0
        #expect(try Self.reconcile(Self.workbook(rows)).errors.isEmpty)
    }

    /// The count rows Excel's Subtotal command writes beside its totals pay nothing: no findings.
    @Test func subtotalCountRowsAreNoFindings() throws {
        let count: [WriteCell] = [.number(2), .text("R1 Count")]
        var rows = Self.goodRows()
        for index in rows.indices { rows[index].commission = .number(500) }
        let result = try Self.reconcile(Self.workbook(rows, between: [1: [count], 3: [count]]))
        #expect(result.errors.isEmpty)
    }

    /// A sheet rounding its commissions to whole units rounds another way than the plan.
    @Test(arguments: [("501", "ROUND(D2*E2*F2,0)"), ("500", "INT(D2*E2*F2)"), ("501", "ROUNDUP(D2*E2*F2,0)")])
    func wholeUnitsAreARoundingMode(value: String, formula: String) throws {
        var rows = Self.goodRows()
        rows[0].amount = 10011
        rows[0].commission = Self.formula(value, formula)
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cause == .roundingMode && finding.expected == Decimal(string: "500.55")!)
    }

    @Test func roundingWithinToleranceIsNotAnError() throws {
        var rows = Self.goodRows()
        rows[0].commission = Self.formula("500.01", "ROUNDUP(D2*E2*F2,2)")
        let result = try Self.reconcile(Self.workbook(rows))
        #expect(result.errors.isEmpty)
        #expect(result.findings.map(\.cause) == [.rounding])
    }

    @Test func marginalVersusRetroactive() throws {
        var rows = Self.goodRows()
        rows.append(
            Row(
                deal: "D6", amount: 30000, rate: Self.rate("0.08"),
                commission: Self.formula("2400", "ROUND(D6*E6*F6,2)")))
        // Marginal: D6 runs the credit from 40,000 to 70,000 → 10,000 at 5% + 20,000 at 8% = 2,100;
        // the sheet paid all of it at 8%, as a retroactive plan would.
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.expected == 2100)
        #expect(finding.cause == .marginalVsRetroactive)
        // Typed among formulas, the figure is still the other mode's: that reading follows.
        rows[4].commission = .number(2400)
        let typed = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows))))
        #expect(typed.causes == [.hardcodedFormula, .marginalVsRetroactive], "\(typed.explanation)")
    }

    /// A typed sheet that works a retroactive plan's line out marginally and writes the rate as
    /// commission ÷ credit (6.0000666644…%) typed no rate: the reading that gives its figure is
    /// the cause, as for a line the plan pays at several rates.
    @Test func aRateWorkedOutFromTheFigureLeavesTheCauseToTheReading() throws {
        let plan = Self.planText.replacingOccurrences(of: "basis: period", with: "basis: per_deal")
            .replacingOccurrences(of: "mode: marginal", with: "mode: retroactive")
            .replacingOccurrences(of: "from: 50000", with: "from: 20000")
        var rows = Self.goodRows()
        for n in rows.indices { rows[n].commission = .number(500) }
        // Retroactive: 30,001 at 8% is 2,400.08; marginally 20,000 at 5% + 10,001 at 8% = 1,800.08.
        rows.append(
            Row(
                deal: "D6", amount: 30001, rate: .number(Decimal(string: "0.0600006666444452")!),
                commission: .number(Decimal(string: "1800.08")!)))
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G6") && finding.expected == Decimal(string: "2400.08")!)
        #expect(finding.causes == [.marginalVsRetroactive], "\(finding.explanation)")
        // A rate as typed, 6.5%, is a wrong rate.
        rows[4].rate = Self.rate("0.065")
        rows[4].commission = .number(Decimal(string: "1950.07")!)
        let typed = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(typed.causes == [.wrongRate], "\(typed.explanation)")
    }

    /// A sheet rounding each line to cents under a plan of whole units (or to whole units under
    /// one of cents) rounds another way: `rounding_mode`, not an unexplained difference.
    @Test func aSheetRoundingToOtherPlacesThanThePlansRoundsAnotherWay() throws {
        let plan = Self.planText + "\nrounding:\n  places: 0\n  mode: half_up\n"
        var rows = Self.goodRows()
        // 10,001.30 at 5% is 500.065: the plan pays 500, the sheet's ROUND(…,2) 500.07.
        rows[0].amount = Decimal(string: "10001.30")!
        rows[0].commission = Self.formula("500.07", "ROUND(D2*E2*F2,2)")
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G2") && finding.expected == 500)
        #expect(finding.causes == [.roundingMode], "\(finding.explanation)")
        #expect(finding.explanation.contains("rounded to 2 places; the plan rounds to 0"))
        // The same figure under the plan's cents is right.
        #expect(try Self.reconcile(Self.workbook(rows)).errors.isEmpty)
    }

    /// Under a plan of whole units the sheet's `=ROUND(…,0)` rounds each line as the plan does:
    /// a typed 6% on 10,009 is 600.54, written 601, and the row's own rate × credit gives it. A
    /// rate the plan does not pay, no arithmetic slip.
    @Test func aWrongRateRoundedToThePlansWholeUnitsIsNoArithmetic() throws {
        let plan = Self.planText + "\nrounding:\n  places: 0\n  mode: half_up\n"
        var rows = Self.goodRows()
        for n in rows.indices { rows[n].commission = Self.formula("500", "ROUND(D\(n + 2)*E\(n + 2)*F\(n + 2),0)") }
        rows[1].amount = 10009
        rows[1].rate = Self.rate("0.06")
        rows[1].commission = Self.formula("601", "ROUND(D3*E3*F3,0)")
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G3") && finding.expected == 500)
        #expect(finding.causes == [.wrongRate], "\(finding.explanation)")
    }

    @Test func capNotApplied() throws {
        var rows = Self.goodRows()
        rows[0].amount = 40000
        rows[0].commission = Self.formula("2000", "ROUND(D2*E2*F2,2)")
        let flat = Self.planText.replacingOccurrences(of: "\n      - { from: 50000, rate: 8% }", with: "")
        let plan = flat + "\n  cap:\n    per_deal: 1500\n"
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cause == .capNotApplied)
        #expect(finding.expected == 1500)
    }

    /// A line that crosses a band is paid at two rates; the sheet's one rate is their blend,
    /// worked out from the commission (`=G6/(D6*E6)`). It names no cause: the forgotten cap does.
    @Test func aBlendedRateOnALineAcrossBandsLeavesTheCauseToTheReading() throws {
        var rows = Self.goodRows()
        rows.append(
            Row(
                deal: "D6", amount: 30000, rate: Self.formula("0.07", "G6/(D6*E6)"),
                commission: Self.formula("2100", "ROUND(10000*0.05+20000*0.08,2)")))
        let plan = Self.planText + "\n  cap:\n    per_deal: 2000\n"
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.expected == 2000)
        #expect(finding.cause == .capNotApplied)
    }

    /// Without a rate column, a figure that is the credit at a rate the plan does not pay is
    /// `wrong_rate`; a slip that no such rate gives stays unexplained.
    @Test func aWrongRateWithoutARateColumn() throws {
        var rows = Self.goodRows()
        for index in rows.indices { rows[index].commission = .number([500, 600, 537.5, 500][index]) }
        let result = try Self.reconcile(Self.workbook(rows, rateColumn: false))
        #expect(result.errors.count == 2)
        #expect(result.errors.first { $0.cell == CellAddress("F3") }?.cause == .wrongRate)
        #expect(result.errors.first { $0.cell == CellAddress("F4") }?.cause == .unexplained)
    }

    @Test func sumRangeThatStopsShort() throws {
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), Self.formula("1500", "SUM(Deals!G2:G4)")]]
        let result = try Self.reconcile(Self.workbook(Self.goodRows(), summary: summary))
        let finding = try #require(Self.onlyError(result))
        #expect(finding.sheet == "Summary")
        #expect(finding.cause == .sumRange)
        #expect(finding.expected == 2000)
    }

    /// A summary figure whose range stops short of the rep's last row (D5, row 6) but adds up a
    /// copied row (row 4, D3 again) is right by chance: the copy makes up for the row left out.
    /// Once the copy is corrected it is not, so it is `sum_range` all the same, its difference 0;
    /// the headline nets the copy against what the range leaves out (fuzz-reconcile, seed 3083).
    @Test(arguments: ["SUM(Deals!G2:G5)", "SUMIFS(Deals!$G$2:$G$5,Deals!$B$2:$B$5,A2)"])
    func aRightTotalWhoseRangeStopsShortOfARowACopyMakesUpForIsSumRange(_ formula: String) throws {
        var rows = Self.goodRows()
        rows.insert(rows[1], at: 2)
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), Self.formula("2000", formula)]]
        let result = try Self.reconcile(Self.workbook(rows, summary: summary))
        #expect(
            result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" }.sorted() == [
                "Deals!G4 duplicate_line", "Summary!C2 sum_range",
            ])
        let total = try #require(result.errors.first { $0.sheet == "Summary" })
        #expect(total.manual == 2000 && total.expected == 2000)
        #expect(
            total.explanation.contains("its range covers rows 2–5, the rep's rows reach 2–6"), "\(total.explanation)")
        #expect(total.explanation.hasSuffix("the wrong cells it adds up (Deals!G4) make up for the rows it leaves out"))
        #expect(result.netOverpayment == 0)
    }

    /// The same on the deals sheet: a Total row `=SUM(G2:G5)` under rows 2–6, right only because
    /// the copy on row 4 makes up for row 6, which its range leaves out, is `sum_range`.
    @Test func aRightTotalRowWhoseRangeStopsShortOfARowACopyMakesUpForIsSumRange() throws {
        var rows = Self.goodRows()
        rows.insert(rows[1], at: 2)
        let result = try Self.reconcile(Self.workbook(rows, total: Self.formula("2000", "SUM(G2:G5)")))
        #expect(
            result.errors.map { "\($0.cell) \($0.cause.rawValue)" }.sorted() == [
                "G4 duplicate_line", "G7 sum_range",
            ])
        let total = try #require(result.errors.first { $0.cell == CellAddress("G7") })
        #expect(total.manual == 2000 && total.expected == 2000 && total.repairedFormula == "SUM(G2:G6)")
        #expect(result.netOverpayment == 0)
    }

    /// A sheet that does not round its rows: each is within the tolerance, their total is not;
    /// it is `rounding_mode`, from those rows.
    @Test func aTotalOfRowsRoundedOtherwiseIsRoundingMode() throws {
        var rows = Self.goodRows()
        for index in rows.indices { rows[index].commission = .number(Decimal(string: "500.004")!) }
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), .number(Decimal(string: "2000.016")!)]]
        let result = try Self.reconcile(Self.workbook(rows, summary: summary))
        let finding = try #require(Self.onlyError(result))
        #expect(finding.sheet == "Summary")
        #expect(finding.cause == .roundingMode)
        #expect(result.findings.filter { $0.cause == .rounding }.count == 4)
    }

    /// A sheet rounding each row down (`ROUNDDOWN(…,2)`, a cent under the plan's each) with one
    /// row at a wrong rate: its total is that row's wrong rate, the others' rounding no part of it.
    @Test func aTotalOfAWrongRowBesideRowsRoundedDownIsTheWrongRow() throws {
        var rows = (2...5).map { n in
            Row(
                deal: "D\(n)", amount: Decimal(string: "10000.15")!, rate: Self.rate("0.05"),
                commission: Self.formula("500", "ROUNDDOWN(D\(n)*E\(n)*F\(n),2)"))
        }
        rows[1].rate = Self.rate("0.06")
        rows[1].commission = Self.formula("600", "ROUNDDOWN(D3*E3*F3,2)")
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), Self.formula("2100", "SUM(Deals!G2:G5)")]]
        let result = try Self.reconcile(Self.workbook(rows, summary: summary))
        #expect(result.errors.count == 2)
        let total = try #require(result.errors.first { $0.sheet == "Summary" })
        #expect(total.isDerived)
        #expect(total.cause == .wrongRate, "\(total.explanation)")
        #expect(total.explanation.contains("Deals!G3"))
    }

    @Test func totalsDerivedFromRowErrors() throws {
        let rows = Self.goodRows(row: 3, rate: "0.06", commission: "600")
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), Self.formula("2100", "SUM(Deals!G2:G5)")]]
        let result = try Self.reconcile(Self.workbook(rows, summary: summary))
        let total = try #require(result.errors.first { $0.sheet == "Summary" })
        #expect(total.isDerived)
        #expect(total.cause == .wrongRate)
        #expect(result.netOverpayment == 100)
    }

    @Test func aTrustedSourceFindsMissingExtraWrongRepAndAmounts() throws {
        var rows = Self.goodRows()
        rows[3].rep = "R2"
        let workbook = try Self.workbook(rows)
        let crm = (workbook as NSString).deletingLastPathComponent + "/crm.csv"
        try """
        Deal ID,Owner,Close Date,Amount
        D2,R1,2026-01-15,10000
        D3,R1,2026-01-15,12000
        D5,R1,2026-01-15,10000
        D9,R1,2026-01-16,10000
        """.write(toFile: crm, atomically: true, encoding: .utf8)
        let result = try Reconciler.reconcile(
            workbook: workbook, plan: PlanFile.parse(Self.planText, file: "plan.yaml"), roster: [], source: crm)
        let causes = Dictionary(
            result.errors.map { ("\($0.sheet)!\($0.cell)", $0.cause) }, uniquingKeysWith: { a, _ in a })
        #expect(causes["Deals!D3"] == .amountMismatch)
        #expect(causes["Deals!G4"] == .extraLine)
        #expect(causes["Deals!G5"] == .wrongRep)
        #expect(causes["crm.csv!A5"] == .missingLine)
        // R2's D5 belongs to R1: one mistake, one finding (tester4 x27), not also R1's D5 missing.
        #expect(causes["crm.csv!A4"] == nil)
        // And D3's commission, worked out on the workbook's 10,000 where the export books 12,000.
        #expect(causes["Deals!G3"] == .amountMismatch)
        #expect(result.errors.count == 5)
        let wrongRep = try #require(result.errors.first { $0.cause == .wrongRep })
        #expect(wrongRep.difference == 500)
        #expect(wrongRep.owedElsewhere.map(\.amount) == [500])
        #expect(wrongRep.owedElsewhere.map(\.rep) == ["R1"])
        #expect(wrongRep.explanation.hasSuffix("; R1 is owed 500.00 for it (crm.csv row 4)"), "\(wrongRep.explanation)")
        // The money once: what R2's row pays is what R1 is owed, so it moves pay, not the total.
        let counted = result.headlineDifferences
        #expect(result.findings.indices.first { result.findings[$0].cause == .wrongRep }.flatMap { counted[$0] } == 0)
        // D9 (for R1) would earn 500.00; D4 should not have been paid, and counts toward no tier
        // (R1's 42,000 stays under 50,000); D3 is paid 100.00 short.
        #expect(result.netOverpayment == -100)
        // The document says what R1 is owed, and read back (`trueup correct --findings`) it leaves
        // no correction declined: R1's difference is the findings' own.
        let plan = try PlanFile.parse(Self.planText, file: "plan.yaml")
        let document = FindingsDocument(result, plan: plan, workbook: .init(file: "manual.xlsx", sha256: ""))
        let text = try OrderedJSONEncoder().encode(document)
        #expect(
            text.contains(#""owed_elsewhere": [{"rep": "R1", "period": "2026-Q1", "amount": "500.00"}]"#), "\(text)")
        let back = try CorrectionInput(
            document: FindingsDocument(json: Data(text.utf8), file: "f.json"), file: "f.json")
        #expect(back.repPeriods.map(\.declined) == back.repPeriods.map { _ in 0 }, "\(back.repPeriods)")
    }

    @Test func bonusMissingAndNotDue() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-bonus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("manual.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow(
            ["Deal ID", "Rep", "Close Date", "Amount", "Product", "Rate", "Commission", "Bonus"].map { .text($0) })
        let day = WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: 15)))
        try writer.writeRow([
            .text("D2"), .text("R1"), day, .number(10000), .text("Analytics"), Self.rate("0.05"), .number(500),
            .number(0),
        ])
        try writer.writeRow([
            .text("D3"), .text("R1"), day, .number(10000), .text("Core"), Self.rate("0.05"), .number(500), .number(250),
        ])
        try writer.writeRow([
            .text("D4"), .text("R1"), day, .number(10000), .text("Analytics"), Self.rate("0.05"), .number(500),
            .number(250),
        ])
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        let plan = Self.planText + "\nbonuses:\n  - { name: SPIFF, per_deal: 250, when: { product: Analytics } }\n"
        let result = try Self.reconcile(path, plan: plan)
        let causes = Dictionary(result.errors.map { ($0.cell.description, $0.cause) }, uniquingKeysWith: { a, _ in a })
        #expect(causes == ["H2": .bonusMissing, "H3": .bonusNotDue])
    }

    /// A summary's bonus column: a quota club the plan pays left out is `bonus_missing`, one
    /// written where the rep did not reach it `bonus_not_due`. Four deals of 10,000: 40,000.
    @Test(arguments: [("30000", "0", Cause.bonusMissing), ("50000", "2000", Cause.bonusNotDue)])
    func aSummarysBonusLeftOutOrNotDue(quota: String, written: String, cause: Cause) throws {
        let plan =
            Self.planText + """

                bonuses:
                  - { name: Quota Club, at_attainment: 100%, amount: 2000 }
                reps:
                  - { id: R1, name: Ana Lima, quota: \(quota) }
                """
        let path = try Self.workbook(
            Self.goodRows(),
            summary: [[.text("R1"), .text("Q1 2026"), .number(2000), .number(Decimal(string: written)!)]],
            summarySheet: ("Summary", ["Rep", "Period", "Commission", "Bonus"]))
        let finding = try #require(Self.onlyError(Self.reconcile(path, plan: plan)))
        #expect("\(finding.sheet)!\(finding.cell)" == "Summary!D2")
        #expect(finding.cause == cause)
    }

    @Test func aTotalRowWhoseSumStopsShort() throws {
        let result = try Self.reconcile(Self.workbook(Self.goodRows(), total: Self.formula("1500", "SUM(G2:G4)")))
        let finding = try #require(Self.onlyError(result))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.cause == .sumRange)
        #expect(finding.expected == 2000)
    }

    @Test func aTotalRowDerivedFromARowError() throws {
        let rows = Self.goodRows(row: 3, rate: "0.06", commission: "600")
        let result = try Self.reconcile(Self.workbook(rows, total: Self.formula("2100", "SUM(G2:G5)")))
        let total = try #require(result.errors.first { $0.cell == CellAddress("G6") })
        #expect(total.isDerived)
        #expect(total.cause == .wrongRate)
        #expect(result.errors.count == 2)
    }

    /// A typed total wrong only through its rows is counted once in the headline, with them, as a
    /// formula total is.
    @Test(arguments: [Self.formula("2100", "SUM(G2:G5)"), .number(2100)])
    func aTotalWrongThroughItsRowsIsCountedOnce(total: WriteCell) throws {
        let rows = Self.goodRows(row: 3, rate: "0.06", commission: "600")
        let result = try Self.reconcile(Self.workbook(rows, total: total))
        let found = try #require(result.errors.first { $0.cell == CellAddress("G6") })
        #expect(found.isDerived && found.precedents.map(\.description) == ["Deals!G3"])
        #expect(result.netOverpayment == 100)
        #expect(result.wrongFigures.map(\.cell) == [CellAddress("G3")])
    }

    /// A total whose range stops short of a wrong row still answers for it: the headline counts
    /// the row once and the total only for what it adds beyond it, so the net is the total's own
    /// difference from the plan's.
    @Test func aTotalStoppingShortOfAWrongRowCountsItOnce() throws {
        let rows = Self.goodRows(row: 5, rate: "0.06", commission: "600")
        let result = try Self.reconcile(Self.workbook(rows, total: Self.formula("1500", "SUM(G2:G4)")))
        let total = try #require(result.errors.first { $0.cell == CellAddress("G6") })
        #expect(total.cause == .sumRange)
        #expect(total.precedents.map(\.description) == ["Deals!G5"])
        #expect(result.netOverpayment == -500)
    }

    /// A summary figure that reads a wrong total of the deals sheet (`=Deals!G6`) is wrong
    /// through it: derived, with its cause, counted once at the total.
    @Test func aSummaryFigureReadingAWrongTotalIsDerivedFromIt() throws {
        let summary: [[WriteCell]] = [[.text("R1"), .text("2026-Q1"), Self.formula("1500", "Deals!G6")]]
        let result = try Self.reconcile(
            Self.workbook(Self.goodRows(), summary: summary, total: Self.formula("1500", "SUM(G2:G4)")))
        let figure = try #require(result.errors.first { $0.sheet == "Summary" })
        #expect(figure.isDerived && figure.cause == .sumRange)
        #expect(figure.precedents.map(\.description) == ["Deals!G6"])
        #expect(result.netOverpayment == -500)
    }

    /// A grand total that adds up the subtotals (`=G4+G7`), or is typed under a grand-total
    /// label, stands for every row above it, not for the rows since the last subtotal.
    @Test(arguments: [("G4+G7", "Grand total"), (nil, "Grand total"), (nil, "Gesamtsumme"), (nil, "Gesamtergebnis")])
    func aGrandTotalOfSubtotalsStandsForEveryRowAbove(formula: String?, label: String) throws {
        func subtotal(_ formula: String) -> [WriteCell] {
            [.text("Total"), .empty, .empty, .empty, .empty, .empty, Self.formula("1000", formula)]
        }
        let grand: WriteCell = formula.map { Self.formula("2000", $0) } ?? .number(2000)
        // The data rows stand in sheet rows 2, 3, 5 and 6.
        var rows = Self.goodRows()
        for (index, row) in [(2, 5), (3, 6)] {
            rows[index].commission = Self.formula("500", "ROUND(D\(row)*E\(row)*F\(row),2)")
        }
        let path = try Self.workbook(
            rows,
            between: [
                1: [subtotal("SUM(G2:G3)")],
                3: [subtotal("SUM(G5:G6)"), [.text(label), .empty, .empty, .empty, .empty, .empty, grand]],
            ])
        let findings = try Self.reconcile(path).findings
        #expect(findings.isEmpty, "\(findings.map { "\($0.cell) \($0.causes) \($0.explanation)" })")
    }

    /// A row holding no deal and no figure (a note between the deals, a sign-off under them) is
    /// no finding; a row with an amount but no rep, or a deal never priced, still is one.
    @Test func notesBetweenTheDealsAreNoFindingsButABrokenDealIs() throws {
        let note: [WriteCell] = [.text("Note: D3 approved by the deal desk")]
        let broken: [WriteCell] = [
            .text("D9"), .empty, .empty, .number(10000), .number(1), .number(0.05), .number(500),
        ]
        let unpriced: [WriteCell] = [.text("D10"), .text("R1"), .text("2026-01-20")]
        var rows = Self.goodRows()
        for index in rows.indices { rows[index].commission = .number(500) }
        let path = try Self.workbook(
            rows, between: [1: [note], 3: [[.text("Approved by: M. Weber, 2026-04-03")], broken, unpriced]])
        let result = try Self.reconcile(path)
        // D10, a deal with no amount and no commission, was never priced: a finding too.
        #expect(result.errors.map(\.cell.row).sorted() == [8, 9])
        #expect(result.errors.first?.cause == .unreadable)
    }

    @Test func aCorrectTotalRowIsNotAFinding() throws {
        let result = try Self.reconcile(Self.workbook(Self.goodRows(), total: Self.formula("2000", "SUM(G2:G5)")))
        #expect(result.findings.isEmpty)
    }

    @Test func gateNotApplied() throws {
        // Attainment 20,000 / 100,000 = 20% is below the 25% gate: nothing is due; the sheet paid 5%.
        let plan = """
            plan: Gate
            period: quarter
            commission:
              tiers: { metric: attainment, basis: period, mode: marginal, table: [ { from: 0%, rate: 5% } ] }
              gate: 25%
            reps: [ { id: R1, quota: 100000 } ]
            """
        let rows = [
            Row(
                deal: "D2", amount: 10000, rate: Self.rate("0.05"), commission: Self.formula("500", "ROUND(D2*E2*F2,2)")
            ),
            Row(
                deal: "D3", amount: 10000, rate: Self.rate("0.05"), commission: Self.formula("500", "ROUND(D3*E3*F3,2)")
            ),
        ]
        let result = try Self.reconcile(Self.workbook(rows), plan: plan)
        #expect(result.errors.map(\.cause) == [.gateNotApplied, .gateNotApplied])
        #expect(result.errors.allSatisfy { $0.expected == 0 })
    }

    @Test func perDealVersusCumulative() throws {
        // Per deal, each 30,000 deal stays in the 5% band (1,500.00); the sheet ran the total into
        // the 8% band: D3 as 20,000 at 5% + 10,000 at 8% = 1,800.00.
        let plan = Self.planText.replacingOccurrences(of: "basis: period", with: "basis: per_deal")
        let rows = [
            Row(
                deal: "D2", amount: 30000, rate: Self.rate("0.05"),
                commission: Self.formula("1500", "ROUND(D2*E2*F2,2)")),
            Row(deal: "D3", amount: 30000, rate: Self.rate("0.05"), commission: Self.formula("1800", "1000+800")),
        ]
        let finding = try #require(Self.onlyError(Self.reconcile(Self.workbook(rows), plan: plan)))
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.expected == 1500)
        #expect(finding.cause == .perDealVsCumulative)
    }

    @Test func overrideNotApplied() throws {
        let plan = Self.planText + "\n  overrides:\n    - { when: { type: Renewal }, multiplier: 0.5 }\n"
        let folder = Scratch.folder.appendingPathComponent(
            "trueup-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("manual.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Type", "Rate", "Commission"].map { .text($0) })
        let day = WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: 15)))
        try writer.writeRow([
            .text("D2"), .text("R1"), day, .number(10000), .text("New"), Self.rate("0.05"), .number(500),
        ])
        try writer.writeRow([
            .text("D3"), .text("R1"), day, .number(10000), .text("Renewal"), Self.rate("0.05"), .number(500),
        ])
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        let finding = try #require(Self.onlyError(Self.reconcile(path, plan: plan)))
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.expected == 250)
        #expect(finding.cause == .overrideNotApplied)
    }
}
