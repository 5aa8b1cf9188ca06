/// A table for a terminal: a header, a rule, and rows whose columns are padded to line up, numbers
/// right-aligned.
///
/// Given a `width` (a terminal's columns), a table that would be wider wraps its widest text
/// column (an explanation, usually) onto continuation lines, word by word, so that it fits; the
/// other columns keep their full width. Without a width (output to a file or a pipe) nothing wraps.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns whose cells are right-aligned (numbers).
    public var rightAligned: Set<Int>

    public init(header: [String], rows: [[String]], rightAligned: Set<Int>) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// Columns narrower than this never wrap: a table that cannot fit without cutting short
    /// columns is printed wide instead.
    static let narrowestWrap = 16

    public func render(width: Int? = nil) -> String {
        var widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let total = widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
        var wrapped: Int?
        if let width, total > width,
            let column = widths.indices.filter({ !rightAligned.contains($0) }).max(by: { widths[$0] < widths[$1] })
        {
            let room = widths[column] - (total - width)
            if room >= Self.narrowestWrap {
                widths[column] = room
                wrapped = column
            }
        }
        func lines(_ cells: [String]) -> String {
            var parts = cells.map { [$0] }
            if let wrapped { parts[wrapped] = Self.wrap(cells[wrapped], to: widths[wrapped]) }
            let height = parts.map(\.count).max() ?? 1
            var out = ""
            for line in 0..<height {
                let text = parts.enumerated().map { column, pieces in
                    let piece = line < pieces.count ? pieces[line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[column] - piece.count))
                    return rightAligned.contains(column) ? pad + piece : piece + pad
                }.joined(separator: "  ")
                out += text.trimmingTrailingSpaces + "\n"
            }
            return out
        }
        return lines(header) + lines(widths.map { String(repeating: "─", count: $0) }) + rows.map(lines).joined()
    }

    /// `text` in lines of at most `width` characters, broken between words (a word longer than a
    /// line is cut).
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// The text without the spaces that pad its last column.
    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
