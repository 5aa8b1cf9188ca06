import ArgumentParser
import Foundation
import Ingest
import Spreadsheet

/// plan-format.md §7, "every row is accounted for", for the commands that calculate: a deal row
/// that cannot be read stops the run (status 2, its cells listed) unless `--skip-unreadable`
/// asked to leave such rows out; then the rows and the money left out are reported and the
/// status is 1. So no statement, review, forecast or payroll file is short in silence.
enum UnreadableRows {
    /// Cells named in a message; the rest are counted.
    static let listed = 20

    /// The rows left out that hold a deal: a row that holds no deal and no figure (a note, a
    /// sign-off, `SkippedRow.isNote`) pays nothing, is said among the warnings, and stops nothing.
    static func unread(_ deals: DealsTable) -> [SkippedRow] { deals.skipped.filter { !$0.isNote } }

    /// Throws, before anything is calculated or written, when deal rows were skipped and `skip` is off.
    static func check(_ deals: DealsTable, skip: Bool) throws {
        let rows = unread(deals)
        guard !rows.isEmpty, !skip else { return }
        let count = rows.count
        throw UsageError(
            "\(place(deals)): \(count) deal row\(count == 1 ? "" : "s") cannot be read (\(cells(rows))); "
                + "nothing was calculated: correct \(count == 1 ? "it" : "them"), or pass --skip-unreadable to leave "
                + "\(count == 1 ? "it" : "them") out")
    }

    /// With `--skip-unreadable`: one line saying which rows were left out and what they held,
    /// then status 1. Does nothing when every deal row was read.
    static func report(_ deals: DealsTable) throws {
        let rows = unread(deals)
        guard !rows.isEmpty else { return }
        let count = rows.count
        let amounts = rows.compactMap(\.amount)
        let unknown = count - amounts.count
        var money = "amounts \(amounts.reduce(Decimal(0), +).groupedMoneyText) left out"
        if unknown > 0 { money += ", and \(unknown) amount\(unknown == 1 ? "" : "s") that could not be read" }
        FileHandle.standardError.write(
            Data(
                TerminalText.escaped(
                    "trueup: warning: \(place(deals)): \(count) of \(deals.rowsRead) deal rows left out "
                        + "(--skip-unreadable): \(cells(rows)); \(money); the figures above do not include them"
                )
                .appending("\n").utf8))
        throw ExitCode(1)
    }

    static func place(_ deals: DealsTable) -> String { place(deals.file, sheet: deals.sheet) }

    /// `deals.xlsx › 'Q3 Deals'`, or the file alone without a sheet.
    static func place(_ file: String, sheet: String?) -> String {
        sheet.map { "\(file) › \(Location.quotedSheetName($0))" } ?? file
    }

    /// `D5 "TBD", C6 "someday"` for the first `listed` cells of `rows`, then how many more.
    static func cells(_ rows: [SkippedRow]) -> String {
        let all = rows.flatMap(\.cells)
        var text = all.prefix(listed).map { "\($0.cell) \"\($0.text)\"" }.joined(separator: ", ")
        if all.count > listed { text += " and \(all.count - listed) more" }
        return text
    }
}
