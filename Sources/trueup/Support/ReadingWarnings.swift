import Foundation
import Ingest
import Spreadsheet

/// What the commands that calculate say on standard error about how a deals file was read,
/// where their output would not show it: a pinned header the file does not have (matched by
/// the synonyms instead, plan-format.md §7), and the rows read as totals of the rows above,
/// which are no deals and are left out.
enum ReadingWarnings {
    /// Total rows named one by one up to this many; the rest are counted.
    static let listed = 10

    static func write(_ deals: DealsTable) {
        for sheet in deals.sheets.isEmpty ? [nil] : deals.sheets.map(Optional.some) {
            let mapping = sheet?.mapping ?? deals.mapping
            guard !mapping.pinsNotFound.isEmpty else { continue }
            let place = UnreadableRows.place(deals.file, sheet: sheet?.name)
            let fields = mapping.pinsNotFound.map { "\($0.rawValue) ('\(mapping.headers[$0] ?? "")')" }
            say(
                "\(place): the pinned header\(fields.count == 1 ? " is" : "s are") not in the file; matched by the "
                    + "synonyms instead: \(fields.joined(separator: ", "))")
        }
        guard !deals.totals.isEmpty else { return }
        let named = deals.totals.prefix(listed).map { total in
            let sheet = deals.sheets.count > 1 ? "\(Location.quotedSheetName(deals.sheetName(ofRow: total.row)))!" : ""
            return "\(sheet)row \(DealsTable.sheetRow(total.row)) ('\(total.label)')"
        }
        let more = deals.totals.count > listed ? " and \(deals.totals.count - listed) more" : ""
        say(
            "\(deals.file): \(deals.totals.count) row\(deals.totals.count == 1 ? "" : "s") read as totals of the rows "
                + "around \(deals.totals.count == 1 ? "it" : "them"), not deals, and left out: "
                + named.joined(separator: ", ") + more)
    }

    private static func say(_ text: String) {
        FileHandle.standardError.write(Data("trueup: warning: \(TerminalText.escaped(text))\n".utf8))
    }
}
