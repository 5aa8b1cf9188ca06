/// Reads the inside of a structured reference's brackets: `Amount`, `@Amount`, `#Totals`,
/// `[#This Row],[Amount]`, `[#Data],[A]:[B]`, `@[Net Amount]`.
enum StructuredReferenceParser {
    static func parse(_ inner: [UInt8], table: String?, formula: String) throws(FormulaSyntaxError)
        -> StructuredReference
    {
        var areas: [StructuredReference.Area] = []
        var columns: [String] = []
        var items: [[UInt8]] = []
        // Split the top level at commas and colons outside inner brackets, keeping the separators.
        var separators: [UInt8] = []
        var depth = 0
        var current: [UInt8] = []
        var i = 0
        while i < inner.count {
            let byte = inner[i]
            if byte == UInt8(ascii: "'"), i + 1 < inner.count {
                current.append(contentsOf: inner[i...(i + 1)])
                i += 2
                continue
            }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            if depth == 0, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                items.append(current)
                separators.append(byte)
                current = []
            } else {
                current.append(byte)
            }
            i += 1
        }
        items.append(current)
        var rangeNext = false
        for (index, raw) in items.enumerated() {
            var item = ArraySlice(raw.drop { $0 == 32 })
            while item.last == 32 { item = item.dropLast() }
            if item.first == UInt8(ascii: "@") {
                areas.append(.thisRow)
                item = item.dropFirst()
            }
            if item.first == UInt8(ascii: "["), item.last == UInt8(ascii: "]") {
                item = item.dropFirst().dropLast()
            }
            let text = unescape(item)
            if text.hasPrefix("#") {
                guard
                    let area = StructuredReference.Area.allCases.first(where: {
                        $0.rawValue.caseInsensitiveCompare(text) == .orderedSame
                    })
                else { throw FormulaSyntaxError(formula: formula, reason: "unknown table area '\(text)'") }
                areas.append(area)
            } else if !text.isEmpty {
                if rangeNext, !columns.isEmpty { columns.append(text) } else { columns = [text] }
            }
            rangeNext = index < separators.count && separators[index] == UInt8(ascii: ":")
        }
        return StructuredReference(
            table: table, areas: areas.isEmpty ? [.data] : areas, firstColumn: columns.first,
            lastColumn: columns.last)
    }

    /// A column name with its `'` escapes removed.
    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var escaped = false
        for byte in bytes {
            if byte == UInt8(ascii: "'") && !escaped {
                escaped = true
                continue
            }
            escaped = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
