import ArgumentParser
import Commission
import Foundation
import Spreadsheet
import XLSX

/// `--out X.xlsx` of the calculating commands: checked before any work, written atomically
/// (never over one of the command's inputs), then announced on standard error.
struct WorkbookOutput {
    let path: String

    /// Nil without `--out`; refuses a name that is not a workbook's, naming what it would hold.
    init?(_ path: String?, holding what: String) throws {
        guard let path else { return nil }
        guard path.lowercased().hasSuffix(".xlsx") else {
            throw UsageError("--out \(path): the \(what) workbook must end in .xlsx")
        }
        self.path = path
    }

    /// Refuses, before any work, a sheet of more rows than a sheet holds.
    func checkFits(rows: Int, sheet: String) throws {
        guard rows > CellAddress.maxRow else { return }
        throw UsageError(
            "--out \(path): the \(sheet) sheet would need \(rows) rows, more than the \(CellAddress.maxRow) a sheet holds; use --format csv instead"
        )
    }

    func write(inputs: [String], _ body: (WorkbookWriter) throws -> Void) throws {
        let file = try AtomicOutputFile(path: path, inputs: inputs)
        let writer = WorkbookWriter(handle: file.handle, fileName: path)
        try file.translatingErrors {
            try body(writer)
            try writer.finish()
        }
        try file.commit()
        FileHandle.standardError.write(Data("trueup: wrote \(path)\n".utf8))
    }
}

/// Percentages given on the command line, one rule for every option (`--threshold`, `--commit-at`):
/// `80%` and `80` are 80 percent; a bare number of 1 or less is a fraction (`0.8` is 80%, `1` is 100%).
enum Percentages {
    static func parse(_ text: String, option: String) throws -> Decimal {
        let (number, isPercent) = PercentText.split(text)
        guard case .value(let value) = Decimal.parse(number), value >= 0 else {
            throw UsageError("\(option) \(text): expected a percentage such as 80%, 80 or 0.8")
        }
        return isPercent || value > 1 ? value / 100 : value
    }
}

/// `--period`: one period of those a review or forecast has.
enum PeriodOption {
    static func check(_ period: String, in periods: [Period], of what: String) throws {
        guard periods.contains(where: { $0.description == period }) else {
            let known = periods.map(\.description).joined(separator: ", ")
            throw UsageError("--period \(period): no such period in \(what) (it has \(known))")
        }
    }
}
