import CSV
import Foundation
import Spreadsheet
import XLSX

/// A spreadsheet file the user named: an XLSX workbook or a delimited text file.
enum InputFile {
    case workbook(XLSXWorkbook)
    case delimited(CSVReader)

    /// Opens `path`, choosing the reader by content (a ZIP or OLE2 signature) before extension.
    static func open(_ path: String) throws -> InputFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw SpreadsheetError(Location(file: path), "no such file")
        }
        guard !isFolder.boolValue else { throw SpreadsheetError(Location(file: path), "is a folder, not a file") }
        let lower = path.lowercased()
        let workbookExtensions = [".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"]
        if workbookExtensions.contains(where: lower.hasSuffix) || hasArchiveSignature(path) {
            return .workbook(try XLSXWorkbook(path: path))
        }
        return .delimited(try CSVReader(path: path))
    }

    private static func hasArchiveSignature(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.starts(with: [0x50, 0x4B]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }
}
