import Foundation
import Spreadsheet

/// The sheets trueup appends to a corrected copy, and the header row each begins with.
public enum AddedSheetKind: String, CaseIterable, Sendable {
    case findings, summary, payroll

    /// Row 1 of the sheet as trueup writes it.
    public var header: [String] {
        switch self {
        case .findings: ["Cell", "Rep", "Deal", "Period", "Manual", "Correct", "Difference", "Cause", "Action", "Why"]
        case .summary: ["Rep", "Name", "Period", "Manual", "Correct", "Difference", "Status"]
        case .payroll: ["rep_id", "name", "period", "payable", "currency"]
        }
    }
}

extension XLSXWorkbook {
    /// The hidden name local to each sheet trueup appends to a corrected copy (Findings, Summary,
    /// Payroll), whose value is the sheet's kind as a text constant (`"findings"`). The mark moves
    /// with the sheet when it is renamed or moved; a sheet of the team's own that only looks like
    /// one (a `Summary` they keep) has none.
    public static let addedSheetMark = "_trueup_added"

    /// The worksheets trueup appended in an earlier correction, by kind: a sheet marked by a hidden
    /// `addedSheetMark` naming one of the `AddedSheetKind`s, whose row 1 is still that kind's
    /// header; the first in tab order when a kind is marked twice. Their rows are trueup's report,
    /// not the team's deals or totals: readers of the team's figures leave them out.
    ///
    /// A mark alone proves nothing (Excel copies a sheet's local names with the sheet, and one
    /// line of the workbook part writes one): a marked sheet whose first row is anything else is
    /// the team's, and is read as such. Worked out at the first call, then kept.
    public var sheetsAddedByTrueup: [String: SheetInfo] {
        if let addedSheets { return addedSheets }
        var found: [String: SheetInfo] = [:]
        for name in definedNames
        where name.isHidden && name.name.caseInsensitiveCompare(Self.addedSheetMark) == .orderedSame {
            guard let index = name.localSheet,
                let sheet = sheets.first(where: { $0.index == index && $0.kind == .worksheet })
            else { continue }
            let value = name.formula.trimmingCharacters(in: .whitespaces)
            guard value.count > 2, value.hasPrefix("\""), value.hasSuffix("\""),
                let kind = AddedSheetKind(rawValue: String(value.dropFirst().dropLast()).lowercased()),
                found[kind.rawValue].map({ $0.index > sheet.index }) ?? true,
                firstRow(of: sheet) == kind.header
            else { continue }
            found[kind.rawValue] = sheet
        }
        addedSheets = found
        return found
    }

    /// The texts of `sheet`'s row 1 from column A on, without gaps; nil when the sheet's first row
    /// is another, has a gap or cannot be read.
    private func firstRow(of sheet: SheetInfo) -> [String]? {
        struct Read: Error { let texts: [String]? }
        // Not a read of the team's cells: whoever listens to those does not hear this one.
        let listening = observer
        observer = nil
        defer { observer = listening }
        do {
            try readRows(of: sheet) { row in
                let columns = row.cells.map(\.column)
                guard row.index == 1, columns == Array(1...max(1, columns.count)) else { throw Read(texts: nil) }
                throw Read(
                    texts: row.cells.map {
                        guard case .text(let text) = $0.value else { return "" }
                        return text
                    })
            }
        } catch let read as Read {
            return read.texts
        } catch {
            return nil
        }
        return nil
    }
}
