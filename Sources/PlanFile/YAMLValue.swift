import Commission
import Foundation
import Primitives
import Yams

/// A YAML node with the file it came from and the dotted path that leads to it, so that every
/// value read from it can fail with `file:line:column` and the key's full name.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func error(_ message: String) -> PlanError {
        PlanError(file: file, line: line, column: column, message: message)
    }

    /// The key's name for messages: `'commission.tiers.mode'`.
    var name: String { "'\(path)'" }

    // MARK: Shapes

    func mapping() throws(PlanError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("\(name) must be a mapping of keys to values") }
        return YAMLMapping(mapping: mapping, value: self)
    }

    func list() throws(PlanError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("\(name) must be a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list of texts; a single text is accepted as a list of one.
    func texts() throws(PlanError) -> [String] {
        if case .scalar = node { return [try text()] }
        var result: [String] = []
        for item in try list() { result.append(try item.text()) }
        return result
    }

    // MARK: Scalars

    func text() throws(PlanError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(name) must be text") }
        return scalar.string
    }

    /// A decimal from the scalar's own text, never through a binary floating-point value.
    func decimal(_ what: String = "a number") throws(PlanError) -> Decimal {
        let raw = try text().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        guard let value = Self.decimal(raw) else { throw error("\(name) must be \(what), found '\(raw)'") }
        return value
    }

    func money() throws(PlanError) -> Decimal {
        let value = try decimal("an amount of money")
        guard value >= 0 else { throw error("\(name) must not be negative, found '\(try text())'") }
        return value
    }

    /// `8%` or `0.08`, as the fraction 0.08; never negative.
    func percent() throws(PlanError) -> Decimal {
        let raw = try text().trimmingCharacters(in: .whitespaces)
        let (number, isPercent) = PercentText.split(raw)
        let value = Self.decimal(number).map { isPercent ? $0 / 100 : $0 }
        guard let value else { throw error("\(name) must be a percentage such as 8% or 0.08, found '\(raw)'") }
        guard value >= 0 else { throw error("\(name) must not be negative, found '\(raw)'") }
        return value
    }

    func integer(in range: ClosedRange<Int>) throws(PlanError) -> Int {
        let raw = try text().trimmingCharacters(in: .whitespaces)
        guard let value = Int(raw), range.contains(value) else {
            throw error(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(raw)'")
        }
        return value
    }

    func bool() throws(PlanError) -> Bool {
        switch try text().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("\(name) must be true or false, found '\(other)'")
        }
    }

    func date() throws(PlanError) -> LocalDate {
        let raw = try text().trimmingCharacters(in: .whitespaces)
        guard let date = LocalDate(iso: raw), raw.count <= 10 else {
            throw error("\(name) must be a date written YYYY-MM-DD, found '\(raw)'")
        }
        return date
    }

    /// One of `choices`, by its exact spelling.
    func choice<T>(_ choices: [(String, T)]) throws(PlanError) -> T {
        let raw = try text()
        if let match = choices.first(where: { $0.0 == raw }) { return match.1 }
        let names = choices.map(\.0)
        let list =
            names.count == 2
            ? "\(names[0]) or \(names[1])" : names.dropLast().joined(separator: ", ") + " or " + names.last!
        throw error("\(name) must be \(list), found '\(raw)'")
    }

    static func decimal(_ text: String) -> Decimal? {
        let allowed = CharacterSet(charactersIn: "0123456789.-+eE")
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(allowed.contains),
            text.contains(where: \.isNumber),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN
        else { return nil }
        return value
    }
}

/// A YAML mapping whose keys are checked against the ones a section allows.
struct YAMLMapping {
    let mapping: Node.Mapping
    let value: YAMLValue

    /// Refuses any key not in `allowed`, suggesting the nearest allowed one.
    func allowOnly(_ allowed: [String]) throws(PlanError) {
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !allowed.contains(name) else { continue }
            let full = value.path.isEmpty ? name : "\(value.path).\(name)"
            var message = "unknown key '\(full)'"
            if let suggestion = Suggestion.nearest(to: name, in: allowed) {
                message += " (did you mean '\(suggestion)'?)"
            } else {
                message += "; allowed here: " + allowed.joined(separator: ", ")
            }
            throw PlanError(
                file: value.file, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0, message: message)
        }
    }

    /// The keys in the order the file writes them.
    var keys: [String] { mapping.map { $0.key.string ?? "" } }

    /// The value of `key`; nil when the plan leaves the key out, or writes it as YAML's null (`end: null`,
    /// `gate: ~`, `end:` with nothing after it), as a plan written from a program's record of optional
    /// values does: a null is no value given, never the text `null`.
    subscript(key: String) -> YAMLValue? {
        for (name, node) in mapping where name.string == key {
            guard node.null == nil else { return nil }
            return YAMLValue(node: node, file: value.file, path: value.path.isEmpty ? key : "\(value.path).\(key)")
        }
        return nil
    }

    /// The value of a key the plan must state: missing, it is an error at the mapping.
    func required(_ key: String, _ explanation: String) throws(PlanError) -> YAMLValue {
        guard let found = self[key] else {
            let full = value.path.isEmpty ? key : "\(value.path).\(key)"
            throw value.error("'\(full)' is missing: \(explanation); the plan must say it")
        }
        return found
    }
}

/// The allowed key closest to a misspelled one, when it is close enough to be the intended one.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
