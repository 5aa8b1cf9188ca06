import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// The readings the layouts rest on, one at a time, on small workbooks written with trueup's own
/// writer: tabs per rep named as people name them, reps written several ways, an unknown rep,
/// total rows in other languages, text dates whose order only the user can settle.
@Suite struct LayoutReadingTests {
    static let roster = """
        id,name
        R1,Ana Lima
        R2,Ben Okafor
        """

    static func folder() throws -> URL {
        let folder = Scratch.folder.appendingPathComponent("trueup-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A workbook of `sheets`: each a name and rows of cells; `merged`: each sheet's merged ranges.
    static func workbook(
        _ sheets: [(String, [[WriteCell]])], in folder: URL, name: String = "manual.xlsx",
        merged: [String: [String]] = [:]
    ) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        for (name, rows) in sheets {
            try writer.beginSheet(name)
            for row in rows { try writer.writeRow(row) }
            try writer.mergeCells((merged[name] ?? []).compactMap(CellRange.init))
            try writer.endSheet()
        }
        try writer.finish()
        try file.commit()
        return path
    }

    static func reconcile(_ path: String, in folder: URL, dateOrder: DateOrder? = nil) throws -> Reconciliation {
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let plan = try PlanFile.parse(CauseTests.planText, file: "plan.yaml")
        return try Reconciler.reconcile(
            workbook: path, plan: plan, roster: RosterReader.read(TableFile.open(rosterPath)), dateOrder: dateOrder)
    }

    static func date(_ iso: String) -> WriteCell {
        let date = LocalDate(iso: iso)!.components
        return WriteCell(.date(DateTimeValue(kind: .date, year: date.year, month: date.month, day: date.day)))
    }

    /// A deal row of a rep tab (no rep column): 10,000 at 5% → 500.00.
    static func tabRow(_ deal: String, _ row: Int) -> [WriteCell] {
        [
            .text(deal), date("2026-01-15"), .number(10000), .number(Decimal(string: "0.05")!),
            CauseTests.formula("500", "ROUND(C\(row)*D\(row),2)"),
        ]
    }

    @Test func tabsPerRepNamedAsPeopleNameThemWithTotalsInOtherLanguages() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Operación", "Fecha", "Importe", "Tasa", "Comisión"].map { .text($0) }
        let path = try Self.workbook(
            [
                (
                    "Lima, Ana",
                    [header, Self.tabRow("D1", 2), Self.tabRow("D2", 3)]
                        + [[.text("Ana Lima Total"), .empty, .empty, .empty, CauseTests.formula("1000", "SUM(E2:E3)")]]
                ),
                (
                    "Sheet2",
                    [[.text("Comisiones — Ben Okafor")], header, Self.tabRow("D3", 3)]
                        + [[.text("Gesamt"), .empty, .empty, .empty, CauseTests.formula("900", "SUM(E3:E3)")]]
                ),
                ("Notes", [[.text("Paid on the 25th")]]),
            ], in: folder)
        let result = try Self.reconcile(path, in: folder)
        // The German total is wrong by 400 (it says 900 for one row of 500): a total, not a deal,
        // and its SUM gives 500 from the cell it reads, so the 900 is a stale cached value.
        #expect(result.errors.map { "\($0.sheet)!\($0.cell)" } == ["Sheet2!E4"])
        #expect(result.errors.first?.cause == .staleValue)
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("sheet 'Lima, Ana': deals, header row 1, every row's rep 'Ana Lima'"))
        #expect(notes.contains("sheet 'Sheet2': deals, header row 2, every row's rep 'Ben Okafor'"))
        #expect(notes.contains("total rows 4 ('Ana Lima Total')"))
        #expect(notes.contains("sheet 'Notes': ignored"))
        #expect(result.statement.reps.map(\.rep).sorted() == ["R1", "R2"])
    }

    @Test func repsWrittenSeveralWaysAreOneRepAndAnUnknownOneIsAFinding() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let reps = ["Lima, Ana", "A. Lima", "ana lima ", "ana.lima@example.com", "Ben Okafor", "Nobody Known"]
        let rows = reps.enumerated().map { index, rep -> [WriteCell] in
            let row = index + 2
            return [
                .text("D\(row)"), .text(rep), Self.date("2026-01-15"), .number(10000),
                .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        let result = try Self.reconcile(try Self.workbook([("Deals", [header] + rows)], in: folder), in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.cause)" } == ["F7 wrong_rep"])
        let notes = result.mappingNotes
        // Spaces around a cell's text go on reading; the rest is reported as written.
        for written in ["Lima, Ana", "A. Lima", "ana lima", "ana.lima@example.com"] {
            #expect(notes.contains("rep '\(written)' read as Ana Lima (R1), 1 row"))
        }
        #expect(!notes.contains { $0.contains("'Ben Okafor' read as") })
    }

    @Test func textDatesWhoseOrderTheColumnCannotTellAreAnErrorNamingItUntilSettled() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let rows = ["03/04/2026", "05/02/2026"].enumerated().map { index, text -> [WriteCell] in
            let row = index + 2
            return [
                .text("D\(row)"), .text("Ana Lima"), .text(text), .text("$10,000.00"), .text("5%"),
                CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        let path = try Self.workbook([("Deals", [header] + rows)], in: folder)
        #expect {
            try Self.reconcile(path, in: folder)
        } throws: { error in
            "\(error)".contains("column 'Close Date'") && "\(error)".contains("--date-order")
        }
        let result = try Self.reconcile(path, in: folder, dateOrder: .dayFirst)
        #expect(result.errors.isEmpty)
        func period(of deal: String, _ result: Reconciliation) -> String? {
            result.statement.lineGroups.joined().first { $0.dealID == deal }?.period.description
        }
        #expect(period(of: "D2", result) == "2026-Q2")  // 3 April
        #expect(try period(of: "D2", Self.reconcile(path, in: folder, dateOrder: .monthFirst)) == "2026-Q1")  // 4 March
        #expect(
            result.mappingNotes.contains("text_number: column 'Amount' holds 2 numbers stored as text, read as such"))
        #expect(
            result.mappingNotes.contains("text_number: column 'Close Date' holds 2 dates stored as text, read as such"))
    }

    @Test func sheetsAreChosenByNameOrPattern() {
        #expect(SheetSelection.matches("Q3 2026", pattern: "q? 2026"))
        #expect(SheetSelection.matches("Deals Ana Lima", pattern: "Deals*"))
        #expect(!SheetSelection.matches("Summary", pattern: "Deals*"))
    }

    @Test func everyHeaderSynonymIsDocumented() throws {
        let doc = try String(
            contentsOf: LayoutReconciliationTests.root.appendingPathComponent("docs/layouts.md"), encoding: .utf8)
        for (field, headers) in HeaderSynonyms.translations.merging(
            HeaderSynonyms.serbianAndCatalan, uniquingKeysWith: +)
        {
            #expect(doc.contains("`\(field)`"), "docs/layouts.md lacks \(field)")
            for header in headers { #expect(doc.contains(header), "docs/layouts.md lacks '\(header)' (\(field))") }
        }
        for word in HeaderSynonyms.totalWords { #expect(doc.contains("`\(word)`"), "docs/layouts.md lacks '\(word)'") }
        for word in HeaderSynonyms.totalSuffixes {
            #expect(doc.contains("`… \(word)`"), "docs/layouts.md lacks '… \(word)'")
        }
    }
}
