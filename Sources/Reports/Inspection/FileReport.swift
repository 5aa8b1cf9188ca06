import CSV
import Foundation
import Ingest
import Spreadsheet
import XLSX

/// What `inspect` found, rendered for people or programs.
public struct FileReport: Sendable {
    public struct Sheet: Sendable {
        public let name: String
        public let state: String
        public let kind: String
        public let merged: Int
        public let profile: SheetProfile
    }

    public let file: String
    public let kind: String
    public let details: [(String, String)]
    public let sheets: [Sheet]

    /// For people: the file, then each sheet's used range, counts, header row and column types.
    public var text: String {
        var out = "\(file): \(kind.uppercased()), " + details.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        for sheet in sheets {
            let p = sheet.profile
            out += kind == "csv" ? "\n  records\n" : "\n  \(sheet.name)  (\(sheet.state) \(sheet.kind))\n"
            out += "    used range \(p.usedRange?.description ?? "none"), \(p.rowCount) rows, \(p.cellCount) cells, "
            out += "\(p.formulaCount) formulas" + (sheet.merged > 0 ? ", \(sheet.merged) merged ranges" : "") + "\n"
            if let header = p.headerRow { out += "    header row \(header)\n" }
            for column in p.columns {
                let name = CellAddress.columnName(column.column)
                let title = column.header.map { " \"\($0)\"" } ?? ""
                out += "      \(name)\(title): \(column.type.rawValue) (\(column.filled) values)\n"
            }
        }
        return out
    }

    /// The same for programs, one JSON object.
    public var json: String {
        let sheetObjects = sheets.map { sheet -> String in
            let p = sheet.profile
            let columns = p.columns.map { column in
                JSONText.object([
                    ("column", JSONText.quoted(CellAddress.columnName(column.column))),
                    ("header", column.header.map(JSONText.quoted) ?? "null"),
                    ("type", JSONText.quoted(column.type.rawValue)), ("values", String(column.filled)),
                ])
            }
            return JSONText.object([
                ("name", JSONText.quoted(sheet.name)), ("state", JSONText.quoted(sheet.state)),
                ("kind", JSONText.quoted(sheet.kind)),
                ("used_range", p.usedRange.map { JSONText.quoted($0.description) } ?? "null"),
                ("rows", String(p.rowCount)), ("cells", String(p.cellCount)), ("formulas", String(p.formulaCount)),
                ("merged_ranges", String(sheet.merged)), ("header_row", p.headerRow.map(String.init) ?? "null"),
                ("columns", "[" + columns.joined(separator: ", ") + "]"),
            ])
        }
        var pairs = [("file", JSONText.quoted(file)), ("kind", JSONText.quoted(kind))]
        pairs += details.map { ($0.0.replacingOccurrences(of: " ", with: "_"), JSONText.quoted($0.1)) }
        pairs.append(("sheets", "[" + sheetObjects.joined(separator: ", ") + "]"))
        return JSONText.object(pairs) + "\n"
    }

    /// Reads `path` (a workbook or a CSV file) whole and profiles each sheet; `progress` is
    /// called now and then with what is being read, bytes read and the total.
    public static func inspect(
        _ path: String, progress: @escaping (_ what: String, _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws -> FileReport {
        switch try TableFile.open(path) {
        case .workbook(let workbook):
            var sheets: [FileReport.Sheet] = []
            for sheet in workbook.sheets {
                var profiler = SheetProfiler()
                let tail = try workbook.readRows(
                    of: sheet,
                    progress: { done, total in
                        progress("Reading \(sheet.name)", done, total)
                    }
                ) { profiler.add($0) }
                sheets.append(
                    FileReport.Sheet(
                        name: sheet.name, state: sheet.state.rawValue, kind: sheet.kind.rawValue,
                        merged: tail.mergedRanges.count, profile: profiler.finish()))
            }
            return FileReport(
                file: path, kind: "xlsx",
                details: [
                    ("date system", workbook.dateSystem == .excel1904 ? "1904" : "1900"),
                    ("shared strings", String(workbook.sharedStringCount)),
                ],
                sheets: sheets)
        case .delimited(let reader):
            var profiler = SheetProfiler()
            var records = 0
            try reader.forEachRecord(progress: { progress("Reading", $0, $1) }) { record in
                records += 1
                profiler.add(
                    Row(
                        index: record.line,
                        cells: record.fields.enumerated().compactMap { index, text in
                            text.isEmpty ? nil : Cell(column: index + 1, value: .text(text))
                        }))
            }
            return FileReport(
                file: path, kind: "csv",
                details: [
                    ("encoding", reader.encoding.rawValue), ("delimiter", reader.dialect.delimiterName),
                    ("records", String(records)),
                ],
                sheets: [
                    FileReport.Sheet(
                        name: "(records)", state: "visible", kind: "csv", merged: 0, profile: profiler.finish())
                ])
        }
    }
}
