import Correction
import Foundation
import PlanFile
import Reconciliation
import Reports
import Spreadsheet
import Testing
import XLSX
import ZIP

/// A wrong figure whose formula reads a wrong input of its own row is corrected at that input:
/// a rate typed by hand (`E3 = 7%` where the plan pays 5%, `F3 = ROUND(D3*E3,2)`) takes the
/// plan's rate, and a summary row's misspelled rep (`Ana Lmia`, which its `SUMIFS(…,A2)` finds
/// no deal of) takes the rep's name; the formula stays, caching the right figure. Only where
/// that is exact and the input is the row's alone: otherwise the figure is typed, as before.
@Suite struct CorrectedInputTests {
    /// A deal row: deal, rep, close date, amount, its rate cell and its commission formula,
    /// which caches `cached`.
    struct Deal {
        var deal: String
        var rep = "Ana Lima"
        var date = "2026-01-15"
        var amount: Decimal
        var rate: WriteCell
        var formula: String
        var cached: Decimal
    }

    static func percent(_ text: String) -> WriteCell { .number(Decimal(string: text)!, style: .percent) }

    /// `Deal ID | Rep | Close Date | Amount | <rateHeader> | Commission`, then `deals`.
    static func dealsSheet(_ deals: [Deal], rateHeader: String = "Rate") -> (String, [[WriteCell]]) {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", rateHeader, "Commission"].map {
            .text($0)
        }
        return (
            "Deals",
            [header]
                + deals.map { deal in
                    [
                        .text(deal.deal), .text(deal.rep), LayoutReadingTests.date(deal.date), .number(deal.amount),
                        deal.rate, WriteCell(.number(deal.cached), style: .money, formula: deal.formula),
                    ]
                }
        )
    }

    /// Four deals of 10,000 in Q1 (Ana Lima's rows 2 and 3, Ben Okafor's 4 and 5), each
    /// `=ROUND(D*E,2)` at 5%: 500.00, as the plan (`CauseTests.planText`) pays.
    static func goodDeals() -> [Deal] {
        (2...5).map { row in
            Deal(
                deal: "D\(row)", rep: row < 4 ? "Ana Lima" : "Ben Okafor", amount: 10000, rate: percent("0.05"),
                formula: "ROUND(D\(row)*E\(row),2)", cached: 500)
        }
    }

    /// What a corrected workbook holds: each sheet's cells by address, and trueup's notes by
    /// `Sheet!A1` (their text).
    struct Corrected {
        var cells: [String: Cell]
        var notes: [String: String]

        func cell(_ place: String) -> Cell? { cells[place] }
    }

    /// Reconciles the workbook of `sheets`, corrects it from the reconciliation and, again, from
    /// the findings read back from their JSON (the two copies must be the same bytes), and reads
    /// the copy back.
    static func corrected(_ sheets: [(String, [[WriteCell]])]) throws -> (
        Reconciliation, Corrected, again: Reconciliation
    ) {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)

        func write(_ input: CorrectionInput, to name: String) throws -> String {
            let output = folder.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            _ = try CorrectedWorkbook.write(source: path, input: input, to: handle)
            try handle.close()
            return output.path
        }
        let direct = try write(CorrectionInput(result), to: "direct.xlsx")
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        let document = FindingsDocument(
            result, plan: plan, workbook: try FindingsDocument.WorkbookIdentity(reading: path))
        let json = try JSONEncoder().encode(document)
        let readBack = try FindingsDocument(json: json, file: "findings.json")
        let later = try write(try CorrectionInput(document: readBack, file: "findings.json"), to: "later.xlsx")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: direct)) == Data(contentsOf: URL(fileURLWithPath: later)),
            "correcting from the findings' JSON writes another workbook than correcting in the run")

        var cells: [String: Cell] = [:]
        let workbook = try XLSXWorkbook(path: direct)
        for (name, _) in sheets {
            try workbook.readRows(of: try #require(workbook.sheet(named: name))) { row in
                for cell in row.cells {
                    cells["\(name)!\(CellAddress(row: row.index, column: cell.column))"] = cell
                }
            }
        }
        var notes: [String: String] = [:]
        let archive = try ZipArchive(path: direct)
        for (index, (name, _)) in sheets.enumerated() {
            let relationships = "xl/worksheets/_rels/sheet\(index + 1).xml.rels"
            guard let rels = archive.entry(named: relationships) else { continue }
            let text = String(decoding: try archive.data(of: rels), as: UTF8.self)
            guard let target = text.firstMatch(of: #/Target="([^"]*comments[^"]*)"/#)?.output.1 else { continue }
            let part = "xl/" + target.replacingOccurrences(of: "../", with: "")
            let xml = String(decoding: try archive.data(of: try #require(archive.entry(named: part))), as: UTF8.self)
            for match in xml.matches(of: #/<comment ref="([A-Z]+[0-9]+)"[^>]*>(.*?)</comment>/#.dotMatchesNewlines()) {
                let body = String(match.output.2).replacing(#/<[^>]+>/#, with: "")
                notes["\(name)!\(match.output.1)"] = body
            }
        }
        let again = try LayoutReadingTests.reconcile(direct, in: folder)
        return (result, Corrected(cells: cells, notes: notes), again)
    }

    @Test func aTypedRateIsCorrectedAndTheCommissionKeepsItsFormula() throws {
        var deals = Self.goodDeals()
        deals[1].rate = Self.percent("0.07")
        deals[1].cached = 700
        let (result, corrected, again) = try Self.corrected([Self.dealsSheet(deals)])
        #expect(result.errors.map { "\($0.cell)" } == ["F3"])
        #expect(result.errors.first?.cause == .wrongRate)

        // The rate takes the plan's, in its own number format; the commission keeps its formula.
        #expect(corrected.cell("Deals!E3")?.value == .number(Decimal(string: "0.05")!))
        #expect(corrected.cell("Deals!E3")?.formula == nil)
        #expect(corrected.cell("Deals!E3")?.numberFormat == "0.0%")
        #expect(corrected.cell("Deals!F3")?.formula == "ROUND(D3*E3,2)")
        #expect(corrected.cell("Deals!F3")?.value == .number(500))
        let rateNote = try #require(corrected.notes["Deals!E3"])
        #expect(rateNote.contains("trueup: was 0.07"), "\(rateNote)")
        #expect(rateNote.contains("correct 0.05"), "\(rateNote)")
        #expect(rateNote.contains("F3"), "\(rateNote)")
        let commissionNote = try #require(corrected.notes["Deals!F3"])
        #expect(commissionNote.contains("the formula stays"), "\(commissionNote)")
        #expect(commissionNote.contains("E3"), "\(commissionNote)")
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.cell) \($0.explanation)" })")
    }

    /// The findings' JSON names the input with the figure's finding, and only there, for
    /// `trueup correct` to write what `reconcile --out` writes.
    @Test func theFindingsDocumentNamesTheWrongInput() throws {
        var deals = Self.goodDeals()
        deals[1].rate = Self.percent("0.07")
        deals[1].cached = 700
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([Self.dealsSheet(deals)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let document = FindingsDocument(
            result, plan: try PlanFile.parse(CauseTests.planText, file: "plan.yaml"),
            workbook: try FindingsDocument.WorkbookIdentity(reading: path))
        let record = try #require(document.findings.first { $0.cell == "F3" })
        #expect(record.wrongInput?.cell == "E3" && record.wrongInput?.value == "0.05")
        #expect(record.wrongInput?.valueIsText == false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(document), as: UTF8.self)
        #expect(json.contains(#""wrong_input":{"cell":"E3","value":"0.05"}"#), "\(json)")
        #expect(json.components(separatedBy: "wrong_input").count == 2)
        let read = try FindingsDocument(json: Data(json.utf8), file: "findings.json").domainFindings(
            file: "findings.json")
        #expect(
            read.first { $0.cell.description == "F3" }?.wrongInput
                == WrongInput(cell: try #require(CellAddress("E3")), value: .number(Decimal(string: "0.05")!)))
    }

    /// Rates written in whole percent (`7` for 7%, `=ROUND(D*E/100,2)`): the plan's 5% is `5`.
    @Test func aRateInWholePercentTakesThePlansRateInWholePercent() throws {
        var deals = Self.goodDeals().map { deal in
            var deal = deal
            deal.rate = .number(5)
            deal.formula = deal.formula.replacingOccurrences(of: ",2)", with: "/100,2)")
            return deal
        }
        deals[1].rate = .number(7)
        deals[1].cached = 700
        let (result, corrected, again) = try Self.corrected([Self.dealsSheet(deals, rateHeader: "Rate %")])
        #expect(result.errors.map { "\($0.cell)" } == ["F3"])
        #expect(corrected.cell("Deals!E3")?.value == .number(5))
        #expect(corrected.cell("Deals!F3")?.formula == "ROUND(D3*E3/100,2)")
        #expect(corrected.cell("Deals!F3")?.value == .number(500))
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.cell) \($0.explanation)" })")
    }

    /// Ana's Q1 deals of 30,000, 30,000 and 20,000 under the plan's 5% to 50,000 and 8% beyond
    /// (marginal): the second crosses into the upper band (1,800.00, at 5% and 8%), the third
    /// lies in it (1,600.00 at 8%). The third typed at 5% takes the band's 8%; the second typed
    /// at 7% has no single rate of the plan's, so its figure is typed and its rate left as it is.
    @Test func aTierRateIsCorrectedOnlyWhereThePlanPaysTheLineOneRate() throws {
        let deals = [
            Deal(
                deal: "D2", date: "2026-01-10", amount: 30000, rate: Self.percent("0.05"),
                formula: "ROUND(D2*E2,2)", cached: 1500),
            Deal(
                deal: "D3", date: "2026-01-20", amount: 30000, rate: Self.percent("0.07"),
                formula: "ROUND(D3*E3,2)", cached: 2100),
            Deal(
                deal: "D4", date: "2026-02-10", amount: 20000, rate: Self.percent("0.05"),
                formula: "ROUND(D4*E4,2)", cached: 1000),
        ]
        let (result, corrected, _) = try Self.corrected([Self.dealsSheet(deals)])
        #expect(Set(result.errors.map { "\($0.cell)" }) == ["F3", "F4"])
        #expect(result.errors.first { $0.cell.description == "F4" }?.cause == .wrongTier)

        #expect(corrected.cell("Deals!E4")?.value == .number(Decimal(string: "0.08")!))
        #expect(corrected.cell("Deals!F4")?.formula == "ROUND(D4*E4,2)")
        #expect(corrected.cell("Deals!F4")?.value == .number(1600))

        #expect(corrected.cell("Deals!E3")?.value == .number(Decimal(string: "0.07")!))
        #expect(corrected.cell("Deals!F3")?.formula == nil)
        #expect(corrected.cell("Deals!F3")?.value == .number(1800))
        #expect(corrected.notes["Deals!E3"] == nil)
    }

    /// Every row reads its rate from `$E$2`: the rate cell is not row 2's alone, so row 2's
    /// figure is typed and the cell left as it is.
    @Test func aRateCellOtherRowsReadIsLeftAsItIs() throws {
        var deals = Self.goodDeals().map { deal in
            var deal = deal
            deal.formula = deal.formula.replacing(#/\*E[0-9]+/#, with: "*$E$2")
            return deal
        }
        deals[0].rate = Self.percent("0.07")
        for index in deals.indices { deals[index].cached = 700 }
        let (result, corrected, _) = try Self.corrected([Self.dealsSheet(deals)])
        #expect(result.errors.contains { "\($0.cell)" == "F2" && $0.cause == Cause.wrongRate })
        #expect(corrected.cell("Deals!E2")?.value == .number(Decimal(string: "0.07")!))
        #expect(corrected.cell("Deals!F2")?.formula == nil)
        #expect(corrected.cell("Deals!F2")?.value == .number(500))
        #expect(corrected.notes["Deals!E2"] == nil)
    }

    /// A rate stored as text: which it should become (a number in what format, or text) is not
    /// the correction's to guess; the figure is typed, as before.
    @Test func aRateStoredAsTextIsLeftAsItIs() throws {
        var deals = Self.goodDeals()
        deals[1].rate = .text("0.07")
        deals[1].cached = 700
        let (result, corrected, _) = try Self.corrected([Self.dealsSheet(deals)])
        #expect(result.errors.map { "\($0.cell)" } == ["F3"])
        #expect(corrected.cell("Deals!E3")?.value == .text("0.07"))
        #expect(corrected.cell("Deals!F3")?.formula == nil)
        #expect(corrected.cell("Deals!F3")?.value == .number(500))
    }

    /// Ana Lima's and Ben Okafor's Q1 deals (Ana 500.00 and 200.00, Ben 500.00) and a summary
    /// whose first row misspells Ana's name, each row's figure `commission(row)`.
    static func summarySheets(ana: String = "Ana Lmia", commission: (Int) -> WriteCell) -> [(String, [[WriteCell]])] {
        let deals = [
            Deal(
                deal: "D2", amount: 10000, rate: percent("0.05"), formula: "ROUND(D2*E2,2)", cached: 500),
            Deal(
                deal: "D3", date: "2026-02-20", amount: 4000, rate: percent("0.05"), formula: "ROUND(D3*E3,2)",
                cached: 200),
            Deal(
                deal: "D4", rep: "Ben Okafor", amount: 10000, rate: percent("0.05"), formula: "ROUND(D4*E4,2)",
                cached: 500),
        ]
        return [
            dealsSheet(deals),
            (
                "Summary",
                [["Rep", "Quarter", "Commission"].map { .text($0) }]
                    + [
                        [.text(ana), .text("Q1 2026"), commission(2)],
                        [.text("Ben Okafor"), .text("Q1 2026"), commission(3)],
                    ]
            ),
        ]
    }

    static func sumifs(_ row: Int, _ cached: String, criteria: String? = nil) -> WriteCell {
        CauseTests.formula(cached, "SUMIFS(Deals!$F$2:$F$4,Deals!$B$2:$B$4,\(criteria ?? "A\(row)"))")
    }

    @Test func aMisspelledSummaryRepTakesTheRepsNameAndItsSumifsStays() throws {
        let (result, corrected, again) = try Self.corrected(
            Self.summarySheets { row in Self.sumifs(row, row == 2 ? "0" : "500") })
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C2"])
        #expect(result.errors.first?.cause == .wrongRep)

        #expect(corrected.cell("Summary!A2")?.value == .text("Ana Lima"))
        #expect(corrected.cell("Summary!C2")?.formula == "SUMIFS(Deals!$F$2:$F$4,Deals!$B$2:$B$4,A2)")
        #expect(corrected.cell("Summary!C2")?.value == .number(700))
        let nameNote = try #require(corrected.notes["Summary!A2"])
        #expect(nameNote.contains("trueup: was Ana Lmia"), "\(nameNote)")
        #expect(nameNote.contains("Ana Lima"), "\(nameNote)")
        let figureNote = try #require(corrected.notes["Summary!C2"])
        #expect(figureNote.contains("A2"), "\(figureNote)")
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.cell) \($0.explanation)" })")
    }

    /// The SUMIFS reads the name typed into it, not the row's name cell: correcting the cell
    /// would change nothing, so the figure is typed.
    @Test func aSumifsWhoseCriteriaIsNotTheNameCellIsTyped() throws {
        let (result, corrected, _) = try Self.corrected(
            Self.summarySheets { row in
                row == 2 ? Self.sumifs(row, "0", criteria: "\"Ana Lmia\"") : Self.sumifs(row, "500")
            })
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C2"])
        #expect(corrected.cell("Summary!A2")?.value == .text("Ana Lmia"))
        #expect(corrected.cell("Summary!C2")?.formula == nil)
        #expect(corrected.cell("Summary!C2")?.value == .number(700))
    }

    /// The SUMIFS adds up every quarter's deals of the rep, not the row's: with the name
    /// corrected it would give more than the plan's figure for the quarter, so the figure is typed.
    @Test func aSumifsThatWouldNotGiveThePlansFigureIsTyped() throws {
        var sheets = Self.summarySheets { row in Self.sumifs(row, row == 2 ? "0" : "500") }
        // Ana's second deal closes in Q2: her Q1 figure is 500.00, the SUMIFS over her name 700.00.
        sheets[0].1[2][2] = LayoutReadingTests.date("2026-04-20")
        let (result, corrected, _) = try Self.corrected(sheets)
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Summary!C2"])
        #expect(corrected.cell("Summary!A2")?.value == .text("Ana Lmia"))
        #expect(corrected.cell("Summary!C2")?.formula == nil)
        #expect(corrected.cell("Summary!C2")?.value == .number(500))
    }
}

/// A findings document with two corrections of one cell is refused naming both: which the cell
/// should take is the reviewer's to say. `reconcile` itself writes one per cell.
@Suite struct TwoCorrectionsOfOneCellTests {
    @Test func aDocumentCorrectingOneCellTwiceIsRefusedNamingBothFindings() throws {
        var deals = CorrectedInputTests.goodDeals()
        deals[1].rate = CorrectedInputTests.percent("0.07")
        deals[1].cached = 700
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([CorrectedInputTests.dealsSheet(deals)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        var document = FindingsDocument(
            result, plan: plan, workbook: try FindingsDocument.WorkbookIdentity(reading: path))
        let wrong = try #require(document.findings.firstIndex { $0.cell == "F3" })
        _ = try CorrectionInput(document: document, file: "findings.json")
        var again = document.findings[wrong]
        again.expected = MoneyText(650)
        document.findings.append(again)
        let readBack = try FindingsDocument(json: try JSONEncoder().encode(document), file: "findings.json")
        #expect {
            _ = try CorrectionInput(document: readBack, file: "findings.json")
        } throws: { error in
            "\(error)"
                == "findings.json: findings \(wrong + 1) and \(document.findings.count) both correct Deals!F3 (to 500.00 and 650.00); a cell takes one correction: remove one of them"
        }
    }
}
