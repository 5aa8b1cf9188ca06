import Commission
import FileAccess
import Foundation
import Yams

/// Reads plan files (YAML, plan-format.md section 2) into `Plan` values.
///
/// Every key is checked: unknown keys are errors with a suggestion, the switches the contract
/// requires (`period`, the tiers' `metric`, `basis`, `mode` and `table`) are never defaulted, and
/// every value is read from its own text (money and rates as decimals). Errors carry the file,
/// line and column: `plan.yaml:14:5: 'commission.tiers.mode' must be marginal or retroactive,
/// found 'marginel'`.
public enum PlanFile {
    /// The keys a plan's top level may have.
    static let topLevelKeys = [
        "plan", "currency", "period", "fiscal_year_start", "rounding", "tolerance", "eligible", "commission",
        "bonuses", "clawback", "draw", "reps", "columns", "objectives", "forecast",
    ]

    /// The fields that `columns:` may pin (plan-format.md 1.1).
    public static let fields = [
        "deal_id", "rep", "date", "amount", "split", "product", "type", "status", "cancel_date", "rate",
        "commission", "bonus", "quota",
    ]

    public static func load(path: String) throws(PlanError) -> Plan {
        try parse(text(atPath: path), file: path)
    }

    /// The text of the plan file at `path`: UTF-8, or UTF-16 or UTF-32 when a byte-order mark
    /// says so; bytes that do not decode are refused at their line and column (`PlanText`). A
    /// path that is not a regular file once links are followed (a pipe, `/dev/zero`) is refused
    /// as such before it is opened: read, a device never ends.
    public static func text(atPath path: String) throws(PlanError) -> String {
        do throws(ReadableFile.Failure) { try ReadableFile.requireRegularFile(path) } catch {
            throw PlanError(file: path, line: 0, column: 0, message: "the plan file \(error.reason)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PlanError(
                file: path, line: 0, column: 0, message: "cannot read the plan file (\(Self.reason(error)))")
        }
        return try PlanText.decode(Array(data), file: path)
    }

    public static func parse(_ text: String, file: String) throws(PlanError) -> Plan {
        try refuseAliasChains(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PlanError(file: file, line: 0, column: 0, message: "the plan file is empty")
            }
            root = node
        } catch let error as PlanError {
            throw error
        } catch let error as YamlError {
            throw Self.located(error, file: file, text: text)
        } catch {
            throw PlanError(file: file, line: 0, column: 0, message: "not valid YAML (\(error))")
        }
        return try PlanReader(top: YAMLValue(node: root, file: file, path: "")).plan()
    }

    /// Most aliases (`*name`) a plan may use. A plan needs a few; a chain of tens of thousands
    /// (`&a2 [*a1]`, `&a3 [*a2]`…) nests as deep as it is long once composed, deeper than a thread's
    /// stack can free, and would crash `plan check` and `trueup serve`.
    static let aliasLimit = 1_000

    /// Refuses text with more than `aliasLimit` aliases, naming the first alias past the limit.
    /// Counted on the bytes before the YAML is composed: an alias is `*` after a line's start, a
    /// space, `[`, `{`, `,` or `-`, followed by a name's first character.
    static func refuseAliasChains(_ text: String, file: String) throws(PlanError) {
        var count = 0
        var line = 1
        var lineStart = 0
        var previous: UInt8 = 10
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            defer { previous = byte }
            if byte == 10 {
                line += 1
                lineStart = index + 1
                continue
            }
            guard byte == UInt8(ascii: "*"),
                [10, 32, 9, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-")].contains(
                    previous),
                index + 1 < bytes.count, !" \t\r\n,[]{}".utf8.contains(bytes[index + 1])
            else { continue }
            count += 1
            if count > aliasLimit {
                throw PlanError(
                    file: file, line: line, column: index - lineStart + 1,
                    message:
                        "more than \(aliasLimit) aliases (*name); a plan needs few, and this many nest too deep to read"
                )
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    private static func located(_ error: YamlError, file: String, text: String) -> PlanError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the key's first occurrence and quotes the whole plan; point at the repeat.
            let key = duplicates.first ?? ""
            let (line, column) = repeatedKey(key, in: text, after: context.mark)
            return PlanError(file: file, line: line, column: column, message: "duplicate key '\(key)'")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An unclosed `{` or `[` is noticed on the line after it (libyaml marks where it gave
            // up); the line at fault is the one the flow mapping or sequence opens on.
            if let context, context.text.hasPrefix("while parsing a flow") {
                let what = context.text.dropFirst("while parsing a ".count)
                return PlanError(
                    file: file, line: context.mark.line, column: context.mark.column,
                    message: "not valid YAML: \(problem) in the \(what) that opens here")
            }
            return PlanError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .reader(let problem, let offset, let value, _):
            // libyaml's reader reports a byte offset (a control character, bytes that are not UTF-8).
            let before = text.utf8.prefix(max(0, offset ?? 0))
            let line = before.filter { $0 == 10 }.count + 1
            let column = before.reversed().prefix { $0 != 10 }.count + 1
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return PlanError(file: file, line: line, column: column, message: "not valid YAML: \(problem)\(character)")
        default:
            let message = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return PlanError(file: file, line: 0, column: 0, message: "not valid YAML: \(message)")
        }
    }

    /// Where `key` appears a second time at the column of its first appearance (`first`), or
    /// `first` itself when the repeat is written another way (a flow mapping).
    private static func repeatedKey(_ key: String, in text: String, after first: Mark) -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (number, line) in lines.enumerated() where number + 1 >= first.line {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            guard indent + 1 == first.column else { continue }
            let rest = line.dropFirst(indent)
            for quote in ["", "\"", "'"] where rest.hasPrefix(quote + key + quote) {
                let after = rest.dropFirst(key.count + 2 * quote.count).drop { $0 == " " }
                guard after.first == ":" else { continue }
                seen += 1
                if seen == 2 { return (number + 1, indent + 1) }
            }
        }
        return (first.line, first.column)
    }
}
