/// A column of an HTML table's head.
public struct HTMLColumn: ExpressibleByStringLiteral, Sendable {
    /// The header text, as markup: escape anything a user or a file supplied.
    public var name: String
    /// A column of figures: right-aligned (`class="num"`).
    public var numeric: Bool
    /// A tooltip (`title`), as markup.
    public var title: String?

    public init(_ name: String, numeric: Bool = false, title: String? = nil) {
        self.name = name
        self.numeric = numeric
        self.title = title
    }

    public init(stringLiteral name: String) { self.init(name) }

    /// A column of figures.
    public static func number(_ name: String, title: String? = nil) -> HTMLColumn {
        HTMLColumn(name, numeric: true, title: title)
    }
}

extension HTMLText {
    /// A table's head and the opening of its body: `<thead><tr>`, a header cell per column, then
    /// `</tr></thead>\n<tbody>\n`. `scoped` gives each cell `scope="col"`.
    public static func tableHead(_ columns: [HTMLColumn], scoped: Bool = false) -> String {
        var out = "<thead><tr>"
        for column in columns {
            out += "<th"
            if scoped { out += " scope=\"col\"" }
            if column.numeric { out += " class=\"num\"" }
            if let title = column.title { out += " title=\"\(title)\"" }
            out += ">" + column.name + "</th>"
        }
        return out + "</tr></thead>\n<tbody>\n"
    }
}
