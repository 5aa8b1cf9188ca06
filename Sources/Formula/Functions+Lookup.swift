import Foundation
import Spreadsheet

extension Functions {
    static let lookup: [String: Implementation] = [
        "VLOOKUP": { e, a throws(NotEvaluable) in try tableLookup(e, a, vertical: true) },
        "HLOOKUP": { e, a throws(NotEvaluable) in try tableLookup(e, a, vertical: false) },
        "MATCH": { e, a throws(NotEvaluable) in
            guard a.count == 2 || a.count == 3 else { return error(.value) }
            let wanted = try e.scalar(a[0])
            if case .error = wanted { return .value(wanted) }
            let cells = try e.grid(a[1])
            guard cells.rows == 1 || cells.columns == 1 else { return error(.notAvailable) }
            var mode = 1
            if a.count == 3 {
                switch try integer(e, a[2]) {
                case .success(let n): mode = n
                case .failure(let failure): return error(failure)
                }
            }
            let list = try (0..<cells.count).map { index throws(NotEvaluable) in try cells.at(index) }
            let found =
                mode == 0
                ? exactPosition(wanted, in: list) : approximatePosition(wanted, in: list, descending: mode < 0)
            return .value(found.map { .number(Decimal($0 + 1)) } ?? .error(.notAvailable))
        },
        "INDEX": { e, a throws(NotEvaluable) in try index(e, a) },
        "LOOKUP": { e, a throws(NotEvaluable) in
            guard a.count == 2 || a.count == 3 else { return error(.value) }
            let wanted = try e.scalar(a[0])
            if case .error = wanted { return .value(wanted) }
            let keys = try e.grid(a[1])
            let vertical = keys.rows >= keys.columns
            let keyList = try (0..<(vertical ? keys.rows : keys.columns)).map { i throws(NotEvaluable) in
                try vertical ? keys.at(i, 0) : keys.at(0, i)
            }
            guard let position = approximatePosition(wanted, in: keyList, descending: false) else {
                return error(.notAvailable)
            }
            if a.count == 2 {
                return .value(try vertical ? keys.at(position, keys.columns - 1) : keys.at(keys.rows - 1, position))
            }
            let results = try e.grid(a[2])
            guard position < results.count else { return error(.notAvailable) }
            return .value(try results.at(position).blankAsZero)
        },
        "XLOOKUP": { e, a throws(NotEvaluable) in try xlookup(e, a) },
        "XMATCH": { e, a throws(NotEvaluable) in
            guard (2...4).contains(a.count) else { return error(.value) }
            let wanted = try e.scalar(a[0])
            if case .error = wanted { return .value(wanted) }
            let cells = try e.grid(a[1])
            guard cells.rows == 1 || cells.columns == 1 else { return error(.value) }
            var modes = [0, 1]
            for (index, argument) in a.dropFirst(2).enumerated() where argument != .missing {
                switch try integer(e, argument) {
                case .success(let n): modes[index] = n
                case .failure(let failure): return error(failure)
                }
            }
            let list = try (0..<cells.count).map { index throws(NotEvaluable) in try cells.at(index) }
            switch position(of: wanted, in: list, matchMode: modes[0], searchMode: modes[1]) {
            case .failure(let failure): return error(failure)
            case .success(let found): return .value(found.map { .number(Decimal($0 + 1)) } ?? .error(.notAvailable))
            }
        },
        "ROWS": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            return .value(.number(Decimal(try e.grid(a[0]).rows)))
        },
        "COLUMNS": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            return .value(.number(Decimal(try e.grid(a[0]).columns)))
        },
        "ROW": { e, a throws(NotEvaluable) in
            if a.isEmpty { return .value(.number(Decimal(e.cell.row))) }
            guard case .reference(_, let reference) = try e.operand(a[0]) else { return error(.value) }
            return .value(.number(Decimal(reference.firstRow)))
        },
        "COLUMN": { e, a throws(NotEvaluable) in
            if a.isEmpty { return .value(.number(Decimal(e.cell.column))) }
            guard case .reference(_, let reference) = try e.operand(a[0]) else { return error(.value) }
            return .value(.number(Decimal(reference.firstColumn)))
        },
    ]

    /// The first position holding `wanted` (text without case, with wildcards), or nil.
    static func exactPosition(_ wanted: FormulaValue, in list: [FormulaValue]) -> Int? {
        if case .text(let text) = wanted {
            let pattern = WildcardPattern(text)
            return list.firstIndex {
                if case .text(let candidate) = $0 { return pattern.matches(candidate) }
                return false
            }
        }
        return list.firstIndex { sameType($0, wanted) && Coercion.compare($0, wanted) == .orderedSame }
    }

    /// Excel's approximate match: a binary search that assumes sorted data and stops at an exact
    /// hit (as Excel's does, so unsorted data gives Excel's answer): the last position whose value is ≤ `wanted` (≥ for
    /// `descending`, searched in order); nil when there is none. Blanks count as past `wanted`.
    static func approximatePosition(_ wanted: FormulaValue, in list: [FormulaValue], descending: Bool) -> Int? {
        if descending {
            var found: Int?
            for (index, candidate) in list.enumerated() where sameType(candidate, wanted) {
                let order = Coercion.compare(candidate, wanted)
                if order == .orderedAscending { break }
                found = index
                if order == .orderedSame { break }
            }
            return found
        }
        var low = 0
        var high = list.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let order = list[middle] == .blank ? .orderedDescending : Coercion.compare(list[middle], wanted)
            if order == .orderedSame, sameType(list[middle], wanted) {
                // An exact hit ends the search, at the last of a run of equal values.
                var last = middle
                while last + 1 < list.count, sameType(list[last + 1], wanted),
                    Coercion.compare(list[last + 1], wanted) == .orderedSame
                {
                    last += 1
                }
                return last
            }
            if order != .orderedDescending {
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return high >= 0 && sameType(list[high], wanted) ? high : nil
    }

    private static func sameType(_ a: FormulaValue, _ b: FormulaValue) -> Bool {
        switch (a, b) {
        case (.number, .number), (.text, .text), (.bool, .bool): true
        default: false
        }
    }

    private static func tableLookup(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], vertical: Bool
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 3 || arguments.count == 4 else { return error(.value) }
        let wanted = try evaluator.scalar(arguments[0])
        if case .error = wanted { return .value(wanted) }
        if case .blank = wanted { return error(.notAvailable) }
        let cells = try evaluator.grid(arguments[1])
        let offset: Int
        switch try integer(evaluator, arguments[2]) {
        case .success(let n): offset = n
        case .failure(let failure): return error(failure)
        }
        var approximate = true
        if arguments.count == 4, arguments[3] != .missing {
            switch try scalar(evaluator, arguments[3], Coercion.bool) {
            case .success(let flag): approximate = flag
            case .failure(let failure): return error(failure)
            }
        } else if arguments.count == 4 {
            approximate = false
        }
        let span = vertical ? cells.columns : cells.rows
        guard offset >= 1 else { return error(.value) }
        guard offset <= span else { return error(.reference) }
        let length = vertical ? cells.rows : cells.columns
        let keys = try (0..<length).map { i throws(NotEvaluable) in try vertical ? cells.at(i, 0) : cells.at(0, i) }
        let found =
            approximate ? approximatePosition(wanted, in: keys, descending: false) : exactPosition(wanted, in: keys)
        guard let position = found else { return error(.notAvailable) }
        let result = try vertical ? cells.at(position, offset - 1) : cells.at(offset - 1, position)
        return .value(result.blankAsZero)
    }

    private static func index(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable) -> Operand
    {
        guard (2...4).contains(arguments.count) else { return error(.value) }
        var numbers: [Int] = []
        for argument in arguments.dropFirst().prefix(2) {
            if case .missing = argument {
                numbers.append(0)
                continue
            }
            switch try integer(evaluator, argument) {
            case .success(let n): numbers.append(n)
            case .failure(let failure): return error(failure)
            }
        }
        switch try evaluator.operand(arguments[0]) {
        case .reference(let sheet, let reference):
            let rows = evaluator.grid(sheet, reference).rows
            let columns = evaluator.grid(sheet, reference).columns
            var row = numbers[0]
            var column = numbers.count > 1 ? numbers[1] : 0
            if numbers.count == 1 && rows == 1 {
                column = row
                row = 0
            } else if numbers.count == 1 && columns > 1 {
                return error(.reference)
            }
            guard row >= 0, column >= 0, row <= rows, column <= columns else { return error(.reference) }
            let firstRow = row == 0 ? reference.firstRow : reference.firstRow + row - 1
            let lastRow = row == 0 ? reference.firstRow + rows - 1 : firstRow
            let firstColumn = column == 0 ? reference.firstColumn : reference.firstColumn + column - 1
            let lastColumn = column == 0 ? reference.firstColumn + columns - 1 : firstColumn
            return .reference(
                sheet: sheet,
                Reference(
                    sheet: reference.sheet, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow,
                    lastColumn: lastColumn))
        case .value(let value):
            let array: FormulaArray
            if case .array(let a) = value {
                array = a
            } else {
                array = FormulaArray(rows: 1, columns: 1, values: [value])
            }
            var row = numbers[0]
            var column = numbers.count > 1 ? numbers[1] : 1
            if numbers.count == 1 && array.rows == 1 {
                column = row
                row = 1
            }
            guard row >= 1, column >= 1, row <= array.rows, column <= array.columns else { return error(.reference) }
            return .value(array[row - 1, column - 1])
        }
    }

    /// Where XLOOKUP and XMATCH find `wanted` in `list` (0-based; nil: nowhere). `matchMode`: 0
    /// exact (text without case), -1 exact or the next smaller, 1 exact or the next larger, 2 text
    /// with `*`, `?` and `~` wildcards. `searchMode`: 1 from the first, -1 from the last, 2 and -2
    /// a binary search of a list sorted ascending or descending. Other modes are `#VALUE!`.
    static func position(of wanted: FormulaValue, in list: [FormulaValue], matchMode: Int, searchMode: Int)
        -> Result<Int?, FormulaError>
    {
        guard [0, -1, 1, 2].contains(matchMode), [1, -1, 2, -2].contains(searchMode) else { return .failure(.value) }
        if abs(searchMode) == 2, matchMode != 2 {
            return .success(binaryPosition(of: wanted, in: list, matchMode: matchMode, descending: searchMode < 0))
        }
        var order = Array(list.indices)
        if searchMode == -1 { order.reverse() }
        if matchMode == 2 || matchMode == 0 {
            for index in order {
                let candidate = list[index]
                if case .text(let wantedText) = wanted, case .text(let text) = candidate {
                    if matchMode == 2
                        ? WildcardPattern(wantedText).matches(text)
                        : text.caseInsensitiveCompare(wantedText) == .orderedSame
                    {
                        return .success(index)
                    }
                } else if sameType(candidate, wanted), Coercion.compare(candidate, wanted) == .orderedSame {
                    return .success(index)
                }
            }
            return .success(nil)
        }
        var best: Int?
        for index in order where sameType(list[index], wanted) {
            let order = Coercion.compare(list[index], wanted)
            if order == .orderedSame { return .success(index) }
            let onSide = matchMode == -1 ? order == .orderedAscending : order == .orderedDescending
            if onSide,
                best.map({
                    Coercion.compare(list[index], list[$0])
                        == (matchMode == -1 ? .orderedDescending : .orderedAscending)
                }) ?? true
            {
                best = index
            }
        }
        return .success(best)
    }

    /// A binary search of `list`, sorted ascending (or `descending`), for `wanted` or, by
    /// `matchMode`, the next smaller (-1) or larger (1) value: on a sorted list what the linear
    /// search finds, the first of equal values.
    private static func binaryPosition(
        of wanted: FormulaValue, in list: [FormulaValue], matchMode: Int, descending: Bool
    )
        -> Int?
    {
        /// Whether the value at `index` comes before `wanted` in the list's order.
        func before(_ index: Int) -> Bool {
            let order = Coercion.compare(list[index], wanted)
            return descending ? order == .orderedDescending : order == .orderedAscending
        }
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if before(middle) { low = middle + 1 } else { high = middle }
        }
        // `low` is the first position not before `wanted`: equal to it, or past it.
        let equal =
            low < list.count && sameType(list[low], wanted) && Coercion.compare(list[low], wanted) == .orderedSame
        if equal { return low }
        let smaller = descending ? low : low - 1
        let larger = descending ? low - 1 : low
        let candidate = matchMode == -1 ? smaller : matchMode == 1 ? larger : -1
        guard list.indices.contains(candidate), sameType(list[candidate], wanted) else { return nil }
        return candidate
    }

    private static func xlookup(_ evaluator: Evaluator, _ arguments: [FormulaExpression]) throws(NotEvaluable)
        -> Operand
    {
        guard (3...6).contains(arguments.count) else { return error(.value) }
        let wanted = try evaluator.scalar(arguments[0])
        if case .error = wanted { return .value(wanted) }
        let keys = try evaluator.grid(arguments[1])
        let results = try evaluator.grid(arguments[2])
        guard keys.rows == 1 || keys.columns == 1 else { return error(.value) }
        var modes: [Int] = []
        for argument in arguments.dropFirst(4) {
            if case .missing = argument {
                modes.append(modes.isEmpty ? 0 : 1)
                continue
            }
            switch try integer(evaluator, argument) {
            case .success(let n): modes.append(n)
            case .failure(let failure): return error(failure)
            }
        }
        let list = try (0..<keys.count).map { i throws(NotEvaluable) in try keys.at(i) }
        let found: Int?
        switch position(of: wanted, in: list, matchMode: modes.first ?? 0, searchMode: modes.count > 1 ? modes[1] : 1)
        {
        case .failure(let failure): return error(failure)
        case .success(let position): found = position
        }
        guard let position = found else {
            if arguments.count >= 4, arguments[3] != .missing { return try evaluator.operand(arguments[3]) }
            return error(.notAvailable)
        }
        if keys.columns == 1 {
            guard position < results.rows else { return error(.value) }
            if results.columns == 1 { return .value(try results.at(position, 0).blankAsZero) }
            let row = try (0..<results.columns).map { c throws(NotEvaluable) in try results.at(position, c) }
            return .value(.array(FormulaArray(rows: 1, columns: row.count, values: row)))
        }
        guard position < results.columns else { return error(.value) }
        return .value(try results.at(0, position).blankAsZero)
    }
}
