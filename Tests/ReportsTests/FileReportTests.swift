import Foundation
import Reports
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// `inspect`'s report, built from files at the library level.
@Suite struct FileReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("XLSXTests/Fixtures")

    @Test func aCSVFileIsProfiledAsOneTableOfRecords() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-inspect-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = [["Deal", "Amount", "Closed"], ["D-1", "1250.50", "2026-03-01"], ["D-2", "80", "2026-03-15"]]
        let path = folder.appendingPathComponent("deals.csv").path
        try Data(records.map { $0.joined(separator: ",") + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))

        let report = try FileReport.inspect(path)
        #expect(report.kind == "csv")
        #expect(report.details.first { $0.0 == "records" }?.1 == String(records.count))
        let profile = try #require(report.sheets.first?.profile)
        #expect(profile.rowCount == records.count)
        #expect(profile.cellCount == records.joined().count)
        #expect(profile.headerRow == 1)
        #expect(profile.columns.map(\.header) == records[0])
        #expect(profile.columns.map(\.type) == [.text, .number, .date])
        #expect(profile.columns.map(\.filled) == [2, 2, 2])
        #expect(report.text.contains("B \"Amount\": number (2 values)"))
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect(object?["records"] as? String == "3")
    }

    @Test func aWorkbookIsProfiledSheetBySheet() throws {
        let path = Self.fixtures.appendingPathComponent("sheet_states.xlsx").path
        let workbook = try XLSXWorkbook(path: path)
        let report = try FileReport.inspect(path)
        #expect(report.kind == "xlsx")
        #expect(report.sheets.map(\.name) == workbook.sheets.map(\.name))
        #expect(report.sheets.map(\.state) == workbook.sheets.map(\.state.rawValue))
        for (sheet, info) in zip(report.sheets, workbook.sheets) {
            var rows = 0
            _ = try workbook.readRows(of: info) { row in
                rows += row.cells.contains { !$0.value.isEmpty } ? 1 : 0
            }
            #expect(sheet.profile.rowCount == rows, "\(info.name)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect((object?["sheets"] as? [Any])?.count == workbook.sheets.count)
    }
}
