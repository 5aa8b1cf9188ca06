import Foundation

extension NumberStyle {
    /// The style a lone column of money figures writes its texts in (`texts`, the column headed
    /// `header`), decided as the deals' number columns are (`decide`), with the words a person
    /// must read when the texts leave it open; nil words when they settle it, or show nothing
    /// either way can misread (`-500`, `1,234.56`, `-1.234,56`).
    ///
    /// A column mixing `1,234.56` and `1.234,56` is read the way most of it is. A column none of
    /// whose texts shows its style, and every separator of which is one dot before three digits
    /// (`-1.500`), reads either way: with the dot grouping thousands when most of its texts are
    /// written so (whole euros, as the deals' columns are read), else with a decimal point.
    ///
    /// `sheets`, the style the workbook's other figures show (the deals' number columns), settles
    /// a column whose texts tie (as many `1,234.56` as `1.234,56`) or tell none, as a deals column
    /// whose texts show none takes the one the sheet's others show.
    static func ofFigures(_ texts: [String], header: String, sheets: NumberStyle? = nil) -> (
        style: NumberStyle, doubt: String?
    ) {
        let votes = texts.compactMap(shown(by:))
        if let sheets, votes.count == 2 * votes.filter({ $0 == .decimalComma }).count {
            return (sheets, votes.isEmpty ? nil : mixedWords(header: header, readAs: sheets))
        }
        let (style, ambiguous) = decide(texts)
        if ambiguous { return (style, mixedWords(header: header, readAs: style)) }
        guard votes.isEmpty else { return (style, nil) }
        let separated = texts.filter { $0.contains(".") || $0.contains(",") }
        guard let example = separated.first, separated.allSatisfy(groupsThousandsWithADot) else { return (style, nil) }
        let grouping = separated.count > texts.count - separated.count
        let read =
            grouping
            ? "read with the dot grouping thousands ('\(example)' as \(example.filter { $0 != "." })), as most of the column is written"
            : "read with a decimal point, as most of the column is written without a separator"
        return (
            grouping ? .decimalComma : .decimalPoint,
            "column '\(header)' writes '\(example)' with one dot before three digits, which reads either way; \(read)"
        )
    }
    /// The words for a column of `header` mixing both styles, read as `style` (the deals' number
    /// columns and a clawbacks tab's figures say it alike).
    static func mixedWords(header: String, readAs style: NumberStyle) -> String {
        "column '\(header)' mixes 1,234.56 and 1.234,56 number styles; read as "
            + (style == .decimalPoint ? "1,234.56" : "1.234,56")
    }
}
