import Foundation

extension XLSXWorkbook {
    /// The hidden name local to each sheet trueup appends to a corrected copy (Findings, Summary,
    /// Payroll), whose value is the sheet's kind as a text constant (`"findings"`). The mark moves
    /// with the sheet when it is renamed or moved; a sheet of the team's own that only looks like
    /// one (a `Summary` they keep) has none.
    public static let addedSheetMark = "_trueup_added"

    /// The worksheets trueup appended in an earlier correction (`addedSheetMark`), by kind: the
    /// first in tab order when a kind is marked twice. Their rows are trueup's report, not the
    /// team's deals or totals: readers of the team's figures leave them out.
    public var sheetsAddedByTrueup: [String: SheetInfo] {
        var found: [String: SheetInfo] = [:]
        for name in definedNames where name.name.caseInsensitiveCompare(Self.addedSheetMark) == .orderedSame {
            guard let index = name.localSheet,
                let sheet = sheets.first(where: { $0.index == index && $0.kind == .worksheet })
            else { continue }
            let value = name.formula.trimmingCharacters(in: .whitespaces)
            guard value.count > 2, value.hasPrefix("\""), value.hasSuffix("\"") else { continue }
            let kind = String(value.dropFirst().dropLast()).lowercased()
            if found[kind].map({ $0.index > sheet.index }) ?? true { found[kind] = sheet }
        }
        return found
    }
}
