import CSV
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// The byte paths that skip building strings (CSV to CSV, a workbook's cells to CSV) write
/// exactly what the string paths write, on text chosen to hit every special case.
@Suite struct CSVFastPathTests {
    /// Fields that quote, neutralise, drop NULs, hold multi-byte text or look like numbers.
    static let awkwardFields = [
        "", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "=SUM(A1)", " =1+1", "@cmd", "\tlead", "+1",
        "-42.50", " -3 ", "-5 units", "+\t7", "-7\t", "-8\u{A0}", "-9\u{3000}", "nul\0byte", "\0=x", "Jörg", "€5",
        "😀 ok", "_x000D_", "0.1", "1e5", "-1e5", "- 4", "+", "-",
    ]

    static func folder() throws -> URL {
        let folder = Scratch.folder.appendingPathComponent(
            "trueup-csvfast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// What `write(texts:)` makes of each record and what `write(fields:)` makes of the same file.
    static func bothWays(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> (
        strings: [UInt8], bytes: [UInt8]
    ) {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path, options: options)
        var viaStrings: [UInt8] = []
        var stringWriter = CSVWriter { viaStrings += $0 }
        try reader.forEachRecord { stringWriter.write(texts: $0.fields) }
        var viaBytes: [UInt8] = []
        var byteWriter = CSVWriter { viaBytes += $0 }
        try reader.forEachFields { byteWriter.write(fields: $0) }
        return (viaStrings, viaBytes)
    }

    @Test func fieldBytesAreWrittenAsTheirStringsAre() throws {
        // Every field quoted, so NULs and line breaks reach the reader as they are.
        let fields = Self.awkwardFields
        let source = (0..<fields.count).map { start in
            (0..<5).map {
                "\"" + fields[(start + $0 * 7) % fields.count].replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            .joined(separator: ",")
        }.joined(separator: "\n")
        let (strings, bytes) = try Self.bothWays(Array(source.utf8), options: CSVOptions(delimiter: UInt8(ascii: ",")))
        #expect(!strings.isEmpty)
        #expect(bytes == strings)
        // Neutralised, quoted and NUL-free, as the string path decides.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("'=SUM(A1)") && text.contains("'\tlead") && text.contains("'-5 units"))
        #expect(text.contains("\"'=SUM(A1)") == false && text.contains("\"two\nlines\""))
        #expect(!text.contains("\0") && text.contains("nulbyte") && !text.contains("'-42.50"))
    }

    @Test func malformedUTF8AfterAByteOrderMarkReadsAsReplacementCharacters() throws {
        let source: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,".utf8) + [0x41, 0xC3, 0x28, 0x42] + [10]
        let (strings, bytes) = try Self.bothWays(source)
        #expect(bytes == strings)
        #expect(String(decoding: bytes, as: UTF8.self) == "id,name\r\n1,A\u{FFFD}(B\r\n")
    }

    @Test(arguments: [0, 1, 5, 7, 8, 9, 15, 16, 17])
    func encodingIsDetectedWhereverAMultiByteCharacterFalls(_ offset: Int) throws {
        let valid = Array(String(repeating: "a", count: offset).utf8) + Array("é,x\n".utf8)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.csv").path
        try Data(valid).write(to: URL(fileURLWithPath: path))
        #expect(try CSVReader(path: path).encoding == .utf8)
        let invalid = Array(String(repeating: "a", count: offset).utf8) + [0xE9] + Array(",x\n".utf8)
        try Data(invalid).write(to: URL(fileURLWithPath: path))
        #expect(try CSVReader(path: path).encoding == .windows1252)
    }

    @Test func aRowsCellsAreWrittenAtTheirColumnsAsLaidOutValuesAre() {
        let rows: [[Cell]] = [
            [Cell(column: 1, value: .text("a")), Cell(column: 3, value: .number(Decimal(string: "-2.50")!))],
            [Cell(column: 2, value: .text("=x")), Cell(column: 5, value: .bool(true))],
            [Cell(column: 3, value: .text("late")), Cell(column: 1, value: .text("early"))],
            [Cell(column: 2, value: .text("first")), Cell(column: 2, value: .text("second"))],
            [Cell(column: 4, value: .empty, formula: "A1")],
            [],
        ]
        for cells in rows {
            var laidOut: [UInt8] = []
            var valueWriter = CSVWriter { laidOut += $0 }
            var values = [CellValue](repeating: .empty, count: cells.map(\.column).max() ?? 0)
            for cell in cells { values[cell.column - 1] = cell.value }
            valueWriter.write(values)
            var direct: [UInt8] = []
            var cellWriter = CSVWriter { direct += $0 }
            cellWriter.write(cells: cells)
            #expect(direct == laidOut, "\(cells)")
        }
    }
}
