/// The columns a CRM's export writes for its own use, to match the rows when the file is imported
/// back: Dynamics 365's `Export to Excel` opens every sheet with three hidden ones, `(Do Not
/// Modify) Opportunity` (the record's GUID), `(Do Not Modify) Row Checksum` and `(Do Not Modify)
/// Modified On` (the record's last edit, a date and time), in the user's language. They name no
/// field, however their words go on (the GUID's column is not the deal id, the edit's time not the
/// close date).
enum BookkeepingColumn {
    /// Whether `header` (trimmed) is one of those columns: it opens with the bracketed warning.
    static func isBookkeeping(_ header: String) -> Bool {
        // Its first byte asked first: every text cell of a sheet's first rows is asked.
        guard header.utf8.first == UInt8(ascii: "("), let close = header.firstIndex(of: ")") else { return false }
        let warning = header[header.index(after: header.startIndex)..<close].lowercased()
        return warnings.contains(warning)
    }

    /// The warning in Dynamics 365's languages.
    private static let warnings: Set<String> = [
        "do not modify", "nicht ändern", "ne pas modifier", "no modificar", "não modificar", "non modificare",
        "niet wijzigen",
    ]
}
