/// A cell of an HTML table's body row.
public struct HTMLCell: ExpressibleByStringInterpolation, Sendable {
    /// The cell's content, as markup: escape anything a user or a file supplied.
    public var markup: String
    /// The cell's `class` attribute, or nil for none.
    public var classes: String?

    public init(_ markup: String, classes: String? = nil) {
        self.markup = markup
        self.classes = classes
    }

    public init(stringLiteral markup: String) { self.init(markup) }

    /// A figure: right-aligned (`class="num"`), with `standing` as a second class when given.
    public static func number(_ markup: String, standing: String? = nil) -> HTMLCell {
        HTMLCell(markup, classes: standing.map { "num " + $0 } ?? "num")
    }
}

extension HTMLText {
    /// A table's body row and a new line: `<tr>`, the row's header cell (`<th scope="row">`, as
    /// markup), a `<td>` per cell, then `</tr>\n`.
    public static func tableRow(header: String, _ cells: [HTMLCell]) -> String {
        var out = "<tr><th scope=\"row\">" + header + "</th>"
        for cell in cells {
            out += cell.classes.map { "<td class=\"\($0)\">" } ?? "<td>"
            out += cell.markup + "</td>"
        }
        return out + "</tr>\n"
    }
}
