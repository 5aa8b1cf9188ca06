import Foundation
import Spreadsheet

/// A block's title row naming its rep with a field's label before the name (`Rep: Ana Lima`,
/// `Sales Rep - Ana Lima`, `Owner: Ana Lima`) or a count of its records after it, as a Salesforce
/// summary report writes a group's row (`Opportunity Owner: Ana Lima (12 records)`).
enum RepTitle {
    /// The name `text` gives once its rep label and record count are taken off (`Ana Lima`); nil
    /// when it has neither: a bare name (`Ana Lima`) is read as it stands, and a label naming no
    /// rep (`Account: Globex`) gives none.
    static func name(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let uncounted = withoutCount(trimmed)
        let counted = uncounted.count < trimmed.count
        guard let (label, rest) = labelled(uncounted) else { return counted && !uncounted.isEmpty ? uncounted : nil }
        return isRepLabel(label) && !rest.isEmpty ? rest : nil
    }

    /// `text` without a count in brackets at its end (`Grand Totals (24 records)`, `Ana Lima [3]`,
    /// `Total (n=5)`): a bracket holding a number, and at most two words besides.
    static func withoutCount(_ text: String) -> String {
        guard let close = text.last, close == ")" || close == "]" else { return text }
        let open: Character = close == ")" ? "(" : "["
        guard let start = text.lastIndex(of: open) else { return text }
        let inside = text[text.index(after: start)..<text.index(before: text.endIndex)]
        guard inside.contains(where: \.isNumber), inside.split(separator: " ").count <= 3 else { return text }
        return text[..<start].trimmingCharacters(in: .whitespaces)
    }

    /// Whether a row holds nothing but one text cell that reads as a field's label and a value
    /// (`Rep: Ana Lima`, `Region: West`) or as a rep's block title: a title over the rows below,
    /// never a row of a header.
    static func isTitleRow(_ row: Row) -> Bool {
        let filled = row.cells.filter { !$0.value.isBlank }
        guard filled.count == 1, case .text(let text) = filled[0].value else { return false }
        if name(in: text) != nil { return true }
        guard let colon = text.firstIndex(of: ":") else { return false }
        return !text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The label and what follows it, split at the first colon or spaced dash (`Rep: Ana`,
    /// `Sales Rep - Ana`, `Rep – Ana`); nil when there is neither.
    private static func labelled(_ text: String) -> (label: String, rest: String)? {
        let colon = text.firstIndex(of: ":").map { ($0, text.index(after: $0)) }
        let dash = [" - ", " – ", " — "].compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            .map { ($0.lowerBound, $0.upperBound) }
        guard let (end, start) = [colon, dash].compactMap({ $0 }).min(by: { $0.0 < $1.0 }) else { return nil }
        return (
            String(text[..<end]).trimmingCharacters(in: .whitespaces),
            String(text[start...]).trimmingCharacters(in: .whitespaces)
        )
    }

    /// Whether `label` names the rep field (`Rep`, `Opportunity Owner`, `Vendedor`), or ends with a
    /// word that does (`Account Rep`, `Territory Owner`).
    private static func isRepLabel(_ label: String) -> Bool {
        guard !label.isEmpty, label.count <= 40 else { return false }
        if repKeys.contains(headerKey(label)) { return true }
        return label.split(separator: " ").last.map { repKeys.contains(headerKey(String($0))) } ?? false
    }

    private static let repKeys = Set((Field.rep.synonyms + (Field.looseNames[.rep] ?? [])).map(headerKey))
}
