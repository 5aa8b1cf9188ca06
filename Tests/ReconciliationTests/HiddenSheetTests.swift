import Foundation
import Ingest
import Spreadsheet
import Testing
import XLSX

/// A hidden sheet (a backup copy of a tab, `state="hidden"` or `"veryHidden"`) is no part of a
/// run unless `--sheet` names it; the report's notes say it was left out.
@Suite struct HiddenSheetTests {
    /// A workbook of a deals tab `Deals` (two deals) and a copy of it, `Old Q2 copy`, hidden
    /// as `state`.
    static func workbook(hiddenAs state: String, in folder: URL) throws -> String {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let rows =
            [header]
            + [("D1", 2), ("D2", 3)].map { deal, row -> [WriteCell] in
                [
                    .text(deal), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
                    CauseTests.rate("0.05"), CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
                ]
            }
        let plain = try LayoutReadingTests.workbook([("Deals", rows), ("Old Q2 copy", rows)], in: folder)
        let path = folder.appendingPathComponent("hidden.xlsx").path
        let sheet = #"<sheet name="Old Q2 copy""#
        try FormulaReadingTests.copy(
            plain, to: path,
            editingWorkbook: { $0.replacingOccurrences(of: sheet, with: sheet + #" state="\#(state)""#) }
        ) { $0 }
        return path
    }

    @Test(arguments: ["hidden", "veryHidden"])
    func aHiddenCopyOfATabIsLeftOutAndSaidSo(state: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try TableFile.open(Self.workbook(hiddenAs: state, in: folder))
        let read = try DealsReader.readWorkbook(file, knownReps: ["Ana Lima"])
        #expect(read.lines.map(\.dealID) == ["D1", "D2"])
        #expect(read.otherSheets.map(\.sheet) == ["Old Q2 copy"])
        #expect(read.otherSheets.first?.reason.contains("hidden") == true)
    }

    @Test func aHiddenSheetNamedWithSheetIsRead() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try TableFile.open(Self.workbook(hiddenAs: "hidden", in: folder))
        let named = try DealsReader.readWorkbook(file, selection: "Old Q2 copy", knownReps: ["Ana Lima"])
        #expect(named.lines.map(\.dealID) == ["D1", "D2"])
        #expect(named.sheets.compactMap(\.name) == ["Old Q2 copy"])
        let both = try DealsReader.readWorkbook(file, selection: "Deals,Old Q2 copy", knownReps: ["Ana Lima"])
        #expect(both.lines.count == 4)
    }
}
