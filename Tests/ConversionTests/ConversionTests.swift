import CSV
import Conversion
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// The conversion stage, called as the command line calls it, on files written into a temporary folder.
@Suite struct ConversionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("XLSXTests/Fixtures")

    func folder() throws -> URL {
        let folder = Scratch.folder.appendingPathComponent("trueup-conversion-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The rows of a workbook's first sheet, each cell's value by column.
    func rows(of path: String) throws -> [[CellValue]] {
        let workbook = try XLSXWorkbook(path: path)
        var rows: [[CellValue]] = []
        _ = try workbook.readRows(of: workbook.sheets[0]) { row in
            var values = [CellValue](repeating: .empty, count: row.cells.map(\.column).max() ?? 0)
            for cell in row.cells { values[cell.column - 1] = cell.value }
            rows.append(values)
        }
        return rows
    }

    @Test func theOutputsExtensionChoosesTheFormat() {
        #expect(Conversion.Target(outputPath: "a.XLSX") == .xlsx)
        #expect(Conversion.Target(outputPath: "a.tsv") == .csv)
        #expect(Conversion.Target(outputPath: "a.json") == .json)
        #expect(Conversion.Target(outputPath: "a.pdf") == nil)
        #expect(Conversion.delimiter(named: nil, output: "a.tsv") == 9)
        #expect(Conversion.delimiter(named: nil, output: "a.csv") == UInt8(ascii: ","))
        #expect(Conversion.delimiter(named: "Semicolon", output: "a.csv") == UInt8(ascii: ";"))
        #expect(Conversion.delimiter(named: "#", output: "a.csv") == UInt8(ascii: "#"))
        #expect(Conversion.delimiter(named: "\"", output: "a.csv") == nil)
        #expect(Conversion.delimiter(named: "colon", output: "a.csv") == nil)
        // Characters numbers and dates are written with would split them.
        for character in ["0", "7", ".", "-", "+", ":", "e", "E", "x"] {
            #expect(Conversion.delimiter(named: character, output: "a.csv") == nil, "\(character)")
        }
    }

    @Test func aCSVFileBecomesATypedSheetAndComesBackTheSame() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ["Deal,Closed,Amount", "007,2026-03-01,1250.5", "012,2026-03-15,-80"]
        let input = folder.appendingPathComponent("deals.csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
        let workbook = folder.appendingPathComponent("deals.xlsx").path
        try Conversion(input: input, output: workbook, target: .xlsx).run()

        let rows = try rows(of: workbook)
        #expect(rows.count == lines.count)
        #expect(rows[0] == lines[0].split(separator: ",").map { .text(String($0)) })
        // Identifiers with leading zeros stay text; dates and amounts are typed.
        #expect(rows[1][0] == .text("007"))
        guard case .date(let closed) = rows[1][1] else {
            Issue.record("the date column was not typed as dates: \(rows[1][1])")
            return
        }
        #expect(closed.year == 2026 && closed.month == 3 && closed.day == 1)
        #expect(rows[2][2] == .number(Decimal(string: "-80")!))

        let back = folder.appendingPathComponent("back.csv").path
        try Conversion(input: workbook, output: back, target: .csv).run()
        #expect(try String(contentsOfFile: back, encoding: .utf8) == lines.joined(separator: "\r\n") + "\r\n")
    }

    @Test func aSheetIsChosenByNameOrPositionAndAMissingOneIsNamed() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.fixtures.appendingPathComponent("sheet_states.xlsx").path
        let names = try XLSXWorkbook(path: input).sheets.map(\.name)
        let output = folder.appendingPathComponent("out.csv").path
        let options = CSVWriter.Options(delimiter: UInt8(ascii: ";"))
        try Conversion(input: input, output: output, target: .csv, sheet: "2", csvOptions: options).run()
        let byPosition = try String(contentsOfFile: output, encoding: .utf8)
        try Conversion(input: input, output: output, target: .csv, sheet: names[1], csvOptions: options).run()
        #expect(try String(contentsOfFile: output, encoding: .utf8) == byPosition)
        do {
            try Conversion(input: input, output: output, target: .csv, sheet: "Nope").run()
            Issue.record("a missing sheet was converted")
        } catch let error as SpreadsheetError {
            #expect(error.description.contains(names.map { "'\($0)'" }.joined(separator: ", ")))
        }
    }

    @Test func theInputIsNeverReplaced() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("deals.csv").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: input))
        #expect(throws: SpreadsheetError.self) {
            try Conversion(input: input, output: input, target: .csv).run()
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["deals.csv"])
    }

    @Test func aCSVFilesJSONKeepsEveryFieldAsText() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("deals.csv").path
        try Data("a;b\n\"x\"\"y\";2\n".utf8).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent("deals.json").path
        try Conversion(input: input, output: output, target: .json).run()
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output)))
        let rows = (object as? [String: Any])?["rows"] as? [[String]]
        #expect(rows == [["a", "b"], ["x\"y", "2"]])
        #expect((object as? [String: Any])?["delimiter"] as? String == ";")
    }
}
