import Spreadsheet

/// Parses each distinct formula shape once: `ROUND(D2*E2,2)` in F2 and `ROUND(D3*E3,2)` in F3
/// are one shape (both read the two cells to their left), so the second is the first's tree
/// moved down a row, not a second parse. A million filled-down formulas are a handful of parses.
///
/// Only formulas whose every reference is a relative single cell (no `$`, no `:` ranges, no
/// structured references) are shared; the rest are parsed one by one.
struct ShapeCache {
    /// Shapes kept at most (here and in a workbook's `FormulaList`): a workbook with more
    /// distinct shapes than this keeps the rest as texts, each parsed on its own.
    static let mostShapes = 10_000

    /// A shape's tree as first parsed, the cell it was parsed at, and its references.
    private struct Shape {
        let tree: FormulaExpression
        let row: Int
        let column: Int
        /// The tree's references in reading order, or nil when it names a defined name (whose
        /// references do not move with the cell).
        let references: [Reference]?
    }

    /// A formula read for the cells it refers to: its shape's references and how far the formula
    /// moved them (each to be moved by its reader: the shape's list is shared, not copied), or
    /// its tree when its shape is not shared or names a defined name.
    enum Read {
        /// `shape` numbers the kept shape: two formulas of one shape moved by the same `columns`
        /// read the same columns, whatever their rows.
        case references([Reference], rows: Int, columns: Int, shape: Int32)
        case tree(FormulaExpression)

        /// A shape's `references` moved by `rows` and `columns`, each as it is read: the list is
        /// not copied.
        static func moved(_ references: [Reference], rows: Int, columns: Int) -> LazyMapSequence<
            [Reference], Reference
        > {
            references.lazy.map { reference in
                var moved = reference
                moved.move(rows: rows, columns: columns)
                return moved
            }
        }
    }

    /// A formula parsed: a kept shape moved to the formula's cell, or a tree of its own.
    enum Parsed {
        /// Shape number `shape`, moved by `rows` and `columns` (a few bytes instead of a tree).
        case shared(shape: Int32, rows: Int32, columns: Int32)
        case tree(FormulaExpression)
    }

    /// Shapes by the hash of their key (the key compared on a hit), with their place in `kept`:
    /// looking a shape up builds no string.
    private var shapes: [Int: [(key: [UInt8], index: Int)]] = [:]
    /// The shapes kept, in the order they were first met (`Parsed.shared` numbers them so).
    private var kept: [Shape] = []
    /// The key of the formula being looked up, reused from one formula to the next.
    private var key: [UInt8] = []
    /// Where the references' rows are written in that formula's text (not used here).
    private var rowDigits: [RowDigits] = []

    /// The references of a formula of a workbook's list without building its tree, when its
    /// shape is shared and names no defined name; its tree otherwise. Its shape, when it has
    /// one, is not worked out from its text again.
    mutating func read(_ formula: FormulaCell) throws(FormulaSyntaxError) -> Read {
        let result = try parsed(formula)
        return read(parsed: result)
    }

    /// `result` read for the cells it refers to: its shape's references and how far it moved
    /// them, or its tree when its shape is not shared or names a defined name.
    func read(parsed result: Parsed) -> Read {
        guard case .shared(let index, let rows, let columns) = result, let references = kept[Int(index)].references
        else { return .tree(tree(result)) }
        return .references(references, rows: Int(rows), columns: Int(columns), shape: index)
    }

    /// Kept shape `number` moved to `cell`, read as `read(parsed:)` reads it.
    func read(shape number: Int32, at cell: CellAddress) -> Read {
        let index = Int(number)
        guard let references = kept[index].references else { return .tree(tree(shared(number, at: cell))) }
        return .references(
            references, rows: cell.row - kept[index].row, columns: cell.column - kept[index].column, shape: number)
    }

    /// The formula `text` at `cell`, as a shape already kept where it has one.
    mutating func parsed(_ text: String, at cell: CellAddress) throws(FormulaSyntaxError) -> Parsed {
        let shared = text.utf8.withContiguousStorageIfAvailable {
            Self.writeShape($0, at: cell, into: &key, rows: &rowDigits)
        }
        guard shared ?? false else { return .tree(try Parser.parse(text)) }
        return try parsed(shape: key, text: text, at: cell)
    }

    /// As `parsed(_:at:)`, for a formula of a workbook's list: one kept as its shape is looked up
    /// by it, and its text is written out only when the shape is new.
    mutating func parsed(_ formula: FormulaCell) throws(FormulaSyntaxError) -> Parsed {
        guard case .shape(let shape) = formula.source else { return try parsed(formula.text, at: formula.address) }
        return try parsed(shape: shape, text: nil, at: formula.address)
    }

    /// The formula of shape `key` at `cell` (`text` its text, nil to write it from the shape).
    private mutating func parsed(shape key: [UInt8], text: String?, at cell: CellAddress) throws(FormulaSyntaxError)
        -> Parsed
    {
        let hash = key.withUnsafeBytes { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
        if let known = shapes[hash]?.first(where: { $0.key == key }) {
            let shape = kept[known.index]
            return .shared(
                shape: Int32(known.index), rows: Int32(cell.row - shape.row), columns: Int32(cell.column - shape.column)
            )
        }
        let tree = try Parser.parse(text ?? Self.text(ofShape: key, at: cell))
        guard kept.count < Self.mostShapes else { return .tree(tree) }
        var references: [Reference]? = []
        tree.visit { node in
            switch node {
            case .reference(let reference): references?.append(reference)
            case .name, .structured: references = nil
            // OFFSET and INDIRECT make references while evaluated (`DependencyGraph.makesReferences`).
            case .call(let name, _) where DependencyGraph.referenceMakers.contains(name): references = nil
            default: break
            }
        }
        shapes[hash, default: []].append((key: key, index: kept.count))
        kept.append(Shape(tree: tree, row: cell.row, column: cell.column, references: references))
        return .shared(shape: Int32(kept.count - 1), rows: 0, columns: 0)
    }

    /// The number of the kept shape `parsed` moves, nil for a tree of its own: with the cell it
    /// was parsed at, `shared(_:at:)` gives it back.
    func number(of parsed: Parsed) -> Int32? {
        guard case .shared(let number, _, _) = parsed else { return nil }
        return number
    }

    /// Kept shape `number` moved to `cell` (as `parsed` gives a formula of that shape at `cell`).
    func shared(_ number: Int32, at cell: CellAddress) -> Parsed {
        let shape = kept[Int(number)]
        return .shared(shape: number, rows: Int32(cell.row - shape.row), columns: Int32(cell.column - shape.column))
    }

    /// The tree a parse stands for, unmoved (a shape's as first parsed), and how far to move its
    /// references: `tree(_:)` without building the moved tree.
    func unmovedTree(_ parsed: Parsed) -> (tree: FormulaExpression, rows: Int, columns: Int) {
        switch parsed {
        case .tree(let tree): (tree, 0, 0)
        case .shared(let index, let rows, let columns): (kept[Int(index)].tree, Int(rows), Int(columns))
        }
    }

    /// The tree a parse stands for.
    func tree(_ parsed: Parsed) -> FormulaExpression {
        switch parsed {
        case .tree(let tree): tree
        case .shared(let index, let rows, let columns):
            kept[Int(index)].tree.moved(rows: Int(rows), columns: Int(columns))
        }
    }

    /// Writes the shape of `bytes` into `out` (emptied first): the text with each cell reference
    /// written as its offset from `cell`, between two 0x01 bytes. False when the formula has
    /// anchored references, ranges, structured references, a reference not written as Excel
    /// writes it (`d2`, `D02`) or a 0x01 byte: so that `text(ofShape:at:)` gives the text back.
    /// `rows` (emptied first) gets where each reference's row is written in `bytes`, in order.
    static func writeShape(
        _ bytes: UnsafeBufferPointer<UInt8>, at cell: CellAddress, into out: inout [UInt8], rows: inout [RowDigits]
    ) -> Bool {
        out.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        guard
            !bytes.contains(where: {
                $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "[") || $0 == Self.marker
            })
        else { return false }
        var i = 0
        while i < bytes.count {
            let end: Int
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                end = endOfQuoted(bytes, from: i)
            } else if (48...57).contains(bytes[i]) || bytes[i] == UInt8(ascii: ".") {
                end = endOfNumber(bytes, from: i)
            } else if Tokenizer.isWordStart(bytes[i]) {
                end = bytes[i...].firstIndex { !Tokenizer.isWordByte($0) } ?? bytes.count
                let next = end < bytes.count ? bytes[end] : 0
                if next != UInt8(ascii: "("), next != UInt8(ascii: "!"), let address = CellAddress.parse(bytes[i..<end])
                {
                    guard isWrittenAsExcelWrites(bytes[i..<end]) else { return false }
                    var digits = end
                    while (48...57).contains(bytes[digits - 1]) { digits -= 1 }
                    rows.append(RowDigits(start: digits, end: end, row: address.row))
                    out.append(Self.marker)
                    writeInteger(address.row - cell.row, into: &out)
                    out.append(UInt8(ascii: ","))
                    writeInteger(address.column - cell.column, into: &out)
                    out.append(Self.marker)
                    i = end
                    continue
                }
            } else {
                end = i + 1
            }
            out.append(contentsOf: bytes[i..<end])
            i = end
        }
        return true
    }

    /// The byte around each reference's offsets in a shape.
    private static let marker: UInt8 = 1

    /// Whether a cell reference is written in capitals without leading zeros, as its address's
    /// `description` writes it back.
    private static func isWrittenAsExcelWrites(_ reference: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let firstDigit = reference.firstIndex(where: { (48...57).contains($0) }) else { return false }
        return reference[firstDigit] != UInt8(ascii: "0")
            && reference[..<firstDigit].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// The text of the formula of shape `shape` at `cell`: each offset written as the address it
    /// reaches from `cell`.
    static func text(ofShape shape: [UInt8], at cell: CellAddress) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(shape.count + 8)
        var i = 0
        while i < shape.count {
            guard shape[i] == marker else {
                out.append(shape[i])
                i += 1
                continue
            }
            // `marker rows,columns marker`, read in place.
            var end = i + 1
            let rows = readInteger(shape, at: &end)
            var columns = rows
            if end < shape.count, shape[end] == UInt8(ascii: ",") {
                end += 1
                columns = readInteger(shape, at: &end)
            }
            while end < shape.count, shape[end] != marker { end += 1 }
            out.append(contentsOf: CellAddress(row: cell.row + rows, column: cell.column + columns).description.utf8)
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The integer `writeInteger` wrote at `index` in `bytes`; `index` is left just past it.
    private static func readInteger(_ bytes: [UInt8], at index: inout Int) -> Int {
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }

    /// Appends `value` in decimal digits.
    private static func writeInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    /// Just past the literal opening at `start`; a doubled quote stands for one.
    private static func endOfQuoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start + 1
        while j < bytes.count {
            if bytes[j] == bytes[start] {
                guard j + 1 < bytes.count, bytes[j + 1] == bytes[start] else { return j + 1 }
                j += 1
            }
            j += 1
        }
        return bytes.count
    }

    /// Just past the number starting at `start`, exponent included, as the tokenizer reads it.
    private static func endOfNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while j < bytes.count, (48...57).contains(bytes[j]) || bytes[j] == UInt8(ascii: ".") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "E") || bytes[j] == UInt8(ascii: "e") else { return j }
        j += 1
        if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
        while j < bytes.count, (48...57).contains(bytes[j]) { j += 1 }
        return j
    }
}

extension FormulaExpression {
    /// The tree with every reference moved by `rows` and `columns`.
    func moved(rows: Int, columns: Int) -> FormulaExpression {
        if rows == 0 && columns == 0 { return self }
        switch self {
        case .reference(var reference):
            reference.move(rows: rows, columns: columns)
            return .reference(reference)
        case .negate(let inner): return .negate(inner.moved(rows: rows, columns: columns))
        case .percent(let inner): return .percent(inner.moved(rows: rows, columns: columns))
        case .binary(let op, let left, let right):
            return .binary(op, left.moved(rows: rows, columns: columns), right.moved(rows: rows, columns: columns))
        case .range(let left, let right):
            return .range(left.moved(rows: rows, columns: columns), right.moved(rows: rows, columns: columns))
        case .call(let name, let arguments):
            return .call(name, arguments.map { $0.moved(rows: rows, columns: columns) })
        case .array(let rows2):
            return .array(rows2.map { row in row.map { $0.moved(rows: rows, columns: columns) } })
        default: return self
        }
    }
}

extension Reference {
    /// Moves the reference by `rows` and `columns`, as filling it down or across does.
    mutating func move(rows: Int, columns: Int) {
        firstRow += rows
        lastRow += rows
        firstColumn += columns
        lastColumn += columns
    }
}
