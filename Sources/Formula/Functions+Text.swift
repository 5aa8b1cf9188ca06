import Foundation

extension Functions {
    static let text: [String: Implementation] = [
        "LEN": { e, a throws(NotEvaluable) in try textMap(e, a) { .number(Decimal($0.utf16.count)) } },
        "UPPER": { e, a throws(NotEvaluable) in try textMap(e, a) { .text($0.uppercased()) } },
        "LOWER": { e, a throws(NotEvaluable) in try textMap(e, a) { .text($0.lowercased()) } },
        "TRIM": { e, a throws(NotEvaluable) in
            try textMap(e, a) {
                .text($0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
            }
        },
        "VALUE": { e, a throws(NotEvaluable) in
            guard a.count == 1 else { return error(.value) }
            switch try e.scalar(a[0]) {
            case .number(let number): return .value(.number(number))
            case .blank: return .value(.number(0))
            case .text(let text):
                if let number = Coercion.parse(text) ?? DateText.serial(text, system: e.workbook.dateSystem) {
                    return .value(.number(number))
                }
                return error(.value)
            case .error(let failure): return error(failure)
            default: return error(.value)
            }
        },
        "LEFT": { e, a throws(NotEvaluable) in try slice(e, a) { text, n in prefix(text, n) } },
        "RIGHT": { e, a throws(NotEvaluable) in
            try slice(e, a) { text, n in
                let units = Array(text.utf16)
                return String(decoding: units.suffix(min(n, units.count)), as: UTF16.self)
            }
        },
        "MID": { e, a throws(NotEvaluable) in
            guard a.count == 3 else { return error(.value) }
            switch (try scalar(e, a[0], Coercion.text), try integer(e, a[1]), try integer(e, a[2])) {
            case (.failure(let f), _, _), (_, .failure(let f), _), (_, _, .failure(let f)): return error(f)
            case (.success(let text), .success(let start), .success(let count)):
                guard start >= 1, count >= 0 else { return error(.value) }
                let units = Array(text.utf16)
                guard start <= units.count else { return .value(.text("")) }
                return .value(
                    .text(String(decoding: units[(start - 1)..<min(units.count, start - 1 + count)], as: UTF16.self)))
            }
        },
        "CONCAT": { e, a throws(NotEvaluable) in try concatenate(e, a, ranges: true) },
        "CONCATENATE": { e, a throws(NotEvaluable) in try concatenate(e, a, ranges: false) },
        "EXACT": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            switch (try scalar(e, a[0], Coercion.text), try scalar(e, a[1], Coercion.text)) {
            case (.failure(let f), _), (_, .failure(let f)): return error(f)
            case (.success(let x), .success(let y)): return .value(.bool(x == y))
            }
        },
        "REPT": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            switch (try scalar(e, a[0], Coercion.text), try integer(e, a[1])) {
            case (.failure(let f), _), (_, .failure(let f)): return error(f)
            case (.success(let x), .success(let n)):
                guard n >= 0, x.utf16.count * n <= 32767 else { return error(.value) }
                return .value(.text(String(repeating: x, count: n)))
            }
        },
        "SUBSTITUTE": { e, a throws(NotEvaluable) in
            guard a.count == 3 || a.count == 4 else { return error(.value) }
            switch (
                try scalar(e, a[0], Coercion.text), try scalar(e, a[1], Coercion.text),
                try scalar(e, a[2], Coercion.text)
            ) {
            case (.failure(let f), _, _), (_, .failure(let f), _), (_, _, .failure(let f)): return error(f)
            case (.success(let source), .success(let old), .success(let new)):
                guard !old.isEmpty else { return .value(.text(source)) }
                let units = Array(source.utf16)
                let length = old.utf16.count
                let starts = occurrences(of: Array(old.utf16), in: units)
                guard a.count == 4 else {
                    return .value(.text(replacing(starts, length: length, in: units, with: new)))
                }
                switch try integer(e, a[3]) {
                case .failure(let f): return error(f)
                case .success(let n):
                    guard n >= 1 else { return error(.value) }
                    guard n <= starts.count else { return .value(.text(source)) }
                    return .value(.text(replacing([starts[n - 1]], length: length, in: units, with: new)))
                }
            }
        },
        "FIND": { e, a throws(NotEvaluable) in try find(e, a, caseSensitive: true) },
        "SEARCH": { e, a throws(NotEvaluable) in try find(e, a, caseSensitive: false) },
        // Each value of an array (`TEXT(Deals!B2:B19,"yyyy-mm")` inside SUMPRODUCT) formatted alone.
        "TEXT": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            let values = try e.elements(a[0]).unwrappingCell
            if case .error = values { return .value(values) }
            switch try scalar(e, a[1], Coercion.text) {
            case .failure(let f): return error(f)
            case .success(let format):
                let unsupportedFormat = NotEvaluable(.unsupportedFunction("TEXT with format \"\(format)\""))
                guard let textFormat = TextFormat(format) else { throw unsupportedFormat }
                var unsupported = false
                let system = e.workbook.dateSystem
                let formatted = Arithmetic.map(values) { value in
                    if case .error = value { return value }
                    guard let text = textFormat.format(value, system: system) else {
                        unsupported = true
                        return .error(.value)
                    }
                    return text
                }
                if unsupported { throw unsupportedFormat }
                return .value(formatted)
            }
        },
    ]

    private static func prefix(_ text: String, _ n: Int) -> String {
        String(decoding: Array(text.utf16).prefix(n), as: UTF16.self)
    }

    private static func textMap(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], _ f: @escaping (String) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 1 else { return error(.value) }
        return .value(
            Arithmetic.map(try evaluator.elements(arguments[0]).unwrappingCell) { value in
                switch Coercion.text(value) {
                case .success(let text): f(text)
                case .failure(let failure): .error(failure)
                }
            })
    }

    /// LEFT and RIGHT: the count defaults to 1.
    private static func slice(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], _ f: (String, Int) -> String
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 1 || arguments.count == 2 else { return error(.value) }
        var count = 1
        if arguments.count == 2 {
            switch try integer(evaluator, arguments[1]) {
            case .success(let n): count = n
            case .failure(let failure): return error(failure)
            }
        }
        guard count >= 0 else { return error(.value) }
        switch try scalar(evaluator, arguments[0], Coercion.text) {
        case .success(let text): return .value(.text(f(text, count)))
        case .failure(let failure): return error(failure)
        }
    }

    private static func concatenate(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], ranges: Bool
    ) throws(NotEvaluable) -> Operand {
        var out = ""
        for argument in arguments {
            let values: ValueGrid =
                ranges ? try evaluator.grid(argument) : ValueGrid(scalar: try evaluator.scalar(argument))
            for index in 0..<values.count {
                switch Coercion.text(try values.at(index)) {
                case .success(let text): out += text
                case .failure(let failure): return error(failure)
                }
            }
        }
        return .value(.text(out))
    }

    private static func find(
        _ evaluator: Evaluator, _ arguments: [FormulaExpression], caseSensitive: Bool
    ) throws(NotEvaluable) -> Operand {
        guard arguments.count == 2 || arguments.count == 3 else { return error(.value) }
        var start = 1
        if arguments.count == 3 {
            switch try integer(evaluator, arguments[2]) {
            case .success(let n): start = n
            case .failure(let failure): return error(failure)
            }
        }
        switch (try scalar(evaluator, arguments[0], Coercion.text), try scalar(evaluator, arguments[1], Coercion.text))
        {
        case (.failure(let f), _), (_, .failure(let f)): return error(f)
        case (.success(let needle), .success(let haystack)):
            let units = Array(haystack.utf16)
            guard start >= 1, start <= units.count + 1 else { return error(.value) }
            if needle.isEmpty { return .value(.number(Decimal(start))) }
            if caseSensitive {
                // Code unit by code unit, as SUBSTITUTE finds its text.
                let rest = Array(units[(start - 1)...])
                guard let found = occurrences(of: Array(needle.utf16), in: rest).first else { return error(.value) }
                return .value(.number(Decimal(start + found)))
            }
            if needle.contains(where: { "*?~".contains($0) }) {
                throw NotEvaluable(.unsupportedFunction("SEARCH with wildcards"))
            }
            let rest = units[(start - 1)...].map(foldedCase)
            guard let found = occurrences(of: needle.utf16.map(foldedCase), in: rest).first else {
                return error(.value)
            }
            return .value(.number(Decimal(start + found)))
        }
    }
}

extension Functions {
    /// Where `old` stands in `source`, left to right and without overlaps, as UTF-16 offsets:
    /// SUBSTITUTE and FIND compare code units exactly, as Excel does (SEARCH, case-folded ones). (Foundation's search passes over
    /// some characters, NUL among them, and can give a range past the text's end.)
    static func occurrences(of old: [UInt16], in source: [UInt16]) -> [Int] {
        guard let first = old.first else { return [] }
        var found: [Int] = []
        var at = 0
        while at + old.count <= source.count {
            if source[at] == first && source[at..<at + old.count].elementsEqual(old) {
                found.append(at)
                at += old.count
            } else {
                at += 1
            }
        }
        return found
    }

    /// A code unit in the case SEARCH compares in: its lower case where that is one code unit
    /// (so `A` and `a`, `Ä` and `ä` match), else itself; positions stay those of the text.
    static func foldedCase(_ unit: UInt16) -> UInt16 {
        if unit < 0x80 { return (0x41...0x5A).contains(unit) ? unit | 0x20 : unit }
        guard let scalar = Unicode.Scalar(unit) else { return unit }
        let lower = scalar.properties.lowercaseMapping.utf16
        return lower.count == 1 ? lower.first! : unit
    }

    /// `source` with the `length` code units at each of `starts` (increasing, not overlapping)
    /// replaced by `new`.
    static func replacing(_ starts: [Int], length: Int, in source: [UInt16], with new: String) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(source.count)
        var kept = 0
        for start in starts {
            units += source[kept..<start]
            units += new.utf16
            kept = start + length
        }
        units += source[kept...]
        return String(decoding: units, as: UTF16.self)
    }
}
