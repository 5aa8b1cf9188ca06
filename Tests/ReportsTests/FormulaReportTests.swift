import Foundation
import Recalculation
import Reports
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// `inspect --formulas`' report, built at the library level from a workbook written here.
@Suite struct FormulaReportTests {
    /// A sheet of two numbers and three formulas: one whose cached value agrees, one stale, and one
    /// calling a function no one evaluates.
    static func workbook(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("formulas.xlsx").path
        let file = try AtomicOutputFile(path: path, inputs: [])
        let writer = WorkbookWriter(handle: file.handle)
        try writer.beginSheet("Deals")
        try writer.writeRow([.number(2), .number(3)])
        try writer.writeRow([
            WriteCell(.number(5), formula: "A1+B1"), WriteCell(.number(7), formula: "A1*B1"),
            WriteCell(.number(1), formula: "NOSUCHFUNCTION(A1)"),
        ])
        try writer.endSheet()
        try writer.beginSheet("Notes")
        try writer.writeRow([.text("no formulas here")])
        try writer.endSheet()
        try writer.finish()
        try file.commit()
        return path
    }

    @Test func formulasAreTalliedBySheetWithTheStaleOnesNamed() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-formulas-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(in: folder)

        let report = FormulaReport(file: path, evaluating: try WorkbookFormulas(path: path))
        #expect(report.census.sheets.map(\.name) == ["Deals", "Notes"])
        let deals = report.census.sheets[0]
        #expect(deals.formulas == 3)
        #expect(deals.evaluated == 2)
        #expect(deals.agreeing == 1)
        #expect(deals.stale.map(\.cell.description) == ["B2"])
        #expect(deals.notEvaluable.values.reduce(0, +) == 1)
        #expect(report.text.contains("Deals: 3 formulas, 2 evaluated, 1 agree with their cached values, 1 stale"))
        #expect(report.text.contains("stale B2: =A1*B1 cached 7, evaluates to 6"))
        #expect(!report.text.contains("Notes:"))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let sheets = try #require(object["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Deals", "Notes"])
        let stale = try #require(sheets[0]["stale"] as? [[String: Any]])
        #expect(stale.first?["evaluated"] as? String == "6")
        #expect(sheets[1]["formulas"] as? Int == 0)
    }
}
