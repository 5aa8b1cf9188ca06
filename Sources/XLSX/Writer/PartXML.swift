/// What every package part written by `WorkbookWriter` shares: the XML declaration and the
/// namespaces. Each part has its own file (`ContentTypesXML`, `RelationshipsXML`, `WorkbookXML`,
/// `StyleTable`, `SharedStringsXML`, `WorksheetXML`, `CommentsXML`, `VMLDrawingXML`,
/// `DocPropsXML`); `WorkbookWriter` is the packager that zips them in a fixed order.
enum PartXML {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
}

/// A sheet as the package parts need to know it.
struct WrittenSheet {
    let name: String
    let hasNotes: Bool
    /// The autofilter range, when the sheet has one.
    let filter: String?
}
