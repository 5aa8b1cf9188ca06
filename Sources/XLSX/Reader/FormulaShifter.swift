import Spreadsheet

/// Moves a formula's relative references, as Excel does when it fills a shared formula.
///
/// `A1` moved by one row and one column becomes `B2`; `$A$1` stays; `A:A` and `1:1` ranges move
/// along their own axis. Text inside string literals and quoted sheet names is left alone, and a
/// word followed by `(` is a function name, not a reference. A reference moved off the sheet
/// becomes `#REF!`.
package enum FormulaShifter {
    package static func shift(_ formula: String, rows: Int, columns: Int) -> String {
        if rows == 0 && columns == 0 { return formula }
        return rewritingWords(formula) { word, previousByte, nextByte in
            let inRange = nextByte == UInt8(ascii: ":") || previousByte == UInt8(ascii: ":")
            if nextByte == UInt8(ascii: "(") || nextByte == UInt8(ascii: "[") || nextByte == UInt8(ascii: "!") {
                return nil
            } else if let moved = shiftCell(word, rows: rows, columns: columns) {
                return moved
            } else if inRange, let moved = shiftLine(word, rows: rows, columns: columns) {
                return moved
            }
            return nil
        }
    }

    /// The formula with the functions `renames` names (upper-case, as `ROUNDDOWN`, or with
    /// Excel's `_xlfn.` prefix) called by the names it gives them instead, arguments unchanged;
    /// text in string literals and quoted sheet names is left alone.
    package static func renamingFunctions(_ formula: String, _ renames: [String: String]) -> String {
        rewritingWords(formula) { word, _, nextByte in
            guard nextByte == UInt8(ascii: "(") else { return nil }
            let name = String(decoding: word, as: UTF8.self).uppercased()
            return renames[name.hasPrefix("_XLFN.") ? String(name.dropFirst(6)) : name]
        }
    }

    /// The formula with each word outside quotes (a reference, a name, a function's name) replaced
    /// by what `rewrite` gives for it, given the bytes before and after it (0 at either end); a
    /// word it gives nil for stays as written.
    private static func rewritingWords(
        _ formula: String, _ rewrite: (_ word: ArraySlice<UInt8>, _ previous: UInt8, _ next: UInt8) -> String?
    ) -> String {
        let bytes = Array(formula.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = closingQuote(bytes, from: i)
                out.append(contentsOf: bytes[i..<end])
                i = end
            } else if isWordByte(byte) {
                var end = i
                while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
                let word = bytes[i..<end]
                let nextByte = end < bytes.count ? bytes[end] : 0
                let previousByte = i > 0 ? bytes[i - 1] : 0
                if let rewritten = rewrite(word, previousByte, nextByte) {
                    out.append(contentsOf: rewritten.utf8)
                } else {
                    out.append(contentsOf: word)
                }
                i = end
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122, UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "."), 0x80...0xFF: true
        default: false
        }
    }

    /// The index just past the literal that starts at `start` (a doubled quote is an escaped quote).
    private static func closingQuote(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == quote {
                if i + 1 < bytes.count && bytes[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// `$?letters$?digits` moved; nil when the word is not exactly a cell reference.
    private static func shiftCell(_ word: ArraySlice<UInt8>, rows: Int, columns: Int) -> String? {
        var i = word.startIndex
        let columnAnchored = i < word.endIndex && word[i] == UInt8(ascii: "$")
        if columnAnchored { i += 1 }
        let lettersStart = i
        while i < word.endIndex && (65...90 ~= word[i] || 97...122 ~= word[i]) { i += 1 }
        let letters = word[lettersStart..<i]
        guard (1...3).contains(letters.count) else { return nil }
        let rowAnchored = i < word.endIndex && word[i] == UInt8(ascii: "$")
        if rowAnchored { i += 1 }
        let digitsStart = i
        while i < word.endIndex && 48...57 ~= word[i] { i += 1 }
        guard i == word.endIndex, i > digitsStart,
            let column = CellAddress.columnNumber(String(decoding: letters, as: UTF8.self)),
            let row = Int(String(decoding: word[digitsStart..<i], as: UTF8.self)), row >= 1,
            row <= CellAddress.maxRow
        else { return nil }
        let newColumn = columnAnchored ? column : column + columns
        let newRow = rowAnchored ? row : row + rows
        guard (1...CellAddress.maxColumn).contains(newColumn), (1...CellAddress.maxRow).contains(newRow) else {
            return "#REF!"
        }
        return (columnAnchored ? "$" : "") + CellAddress.columnName(newColumn) + (rowAnchored ? "$" : "")
            + String(newRow)
    }

    /// One side of a whole-column (`A:C`) or whole-row (`1:3`) range, moved.
    private static func shiftLine(_ word: ArraySlice<UInt8>, rows: Int, columns: Int) -> String? {
        var body = word
        let anchored = body.first == UInt8(ascii: "$")
        if anchored { body = body.dropFirst() }
        let text = String(decoding: body, as: UTF8.self)
        if let row = Int(text), body.allSatisfy({ 48...57 ~= $0 }) {
            let moved = anchored ? row : row + rows
            guard (1...CellAddress.maxRow).contains(moved) else { return "#REF!" }
            return (anchored ? "$" : "") + String(moved)
        }
        if body.count <= 3, let column = CellAddress.columnNumber(text) {
            let moved = anchored ? column : column + columns
            guard (1...CellAddress.maxColumn).contains(moved) else { return "#REF!" }
            return (anchored ? "$" : "") + CellAddress.columnName(moved)
        }
        return nil
    }
}
