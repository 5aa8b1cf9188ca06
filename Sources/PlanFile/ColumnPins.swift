import Commission

extension PlanFile {
    /// The plan's column pins (`columns:`; none without a plan) with `map` on top: items
    /// `FIELD=HEADER`, as `--map` and the server's mapping form give them. Throws for an item that
    /// is not `FIELD=HEADER` with `FIELD` one of `fields`, and for two typed fields on one column.
    public static func pins(_ plan: Plan?, map: [String]) throws(ColumnPinError) -> [String: String] {
        var pins = plan?.columns ?? [:]
        // A `--map` replaces the plan's pin of its field; two of one field contradict each other.
        var mapped: [String: String] = [:]
        for item in map {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, fields.contains(parts[0]) else {
                throw ColumnPinError(
                    item: item, reason: "expected FIELD=HEADER with FIELD one of " + fields.joined(separator: ", "))
            }
            if let earlier = mapped[parts[0]], earlier != parts[1] {
                throw ColumnPinError(
                    item: item, reason: "'\(parts[0])' is already mapped to '\(earlier)'; map each field once")
            }
            mapped[parts[0]] = parts[1]
            pins[parts[0]] = parts[1]
        }
        // A typed column read as two fields (`typedFields`), here by a `--map` beside the plan's pins:
        // the plan's own were checked as it was read (`PlanReader`, naming its line).
        var fieldByHeader: [String: String] = [:]
        for (field, header) in pins.sorted(by: { $0.key < $1.key }) {
            if let other = pin(field, to: header, besides: &fieldByHeader) {
                throw ColumnPinError(
                    item: "'\(other)' and '\(field)' both read the column '\(header)'",
                    reason: "a column of amounts, dates or rates holds one field")
            }
        }
        return pins
    }
}

extension PlanFile {
    /// The fields read as amounts, dates or rates: a column holds one of them at most, for read
    /// as a second field it would turn amounts into reps' names (or dates into amounts); two text
    /// fields may share one (an id that is also a status).
    static let typedFields: Set = ["amount", "date", "split", "quota", "cancel_date", "rate", "commission", "bonus"]

    /// Pins `field` to `header` among `fieldByHeader` (the fields pinned so far, by header as
    /// headers are compared: any case, without spaces, `_`, `-` and `.`); the field already there
    /// when the two may not share the column, one of them typed.
    static func pin(_ field: String, to header: String, besides fieldByHeader: inout [String: String]) -> String? {
        let key = header.lowercased().filter { !" _-.\t".contains($0) }
        if let other = fieldByHeader[key], typedFields.contains(other) || typedFields.contains(field) { return other }
        fieldByHeader[key] = field
        return nil
    }
}

/// A column pin that is not `FIELD=HEADER` with a known field.
public struct ColumnPinError: Error, Sendable, CustomStringConvertible {
    public let item: String
    public let reason: String

    public var description: String { "\(item): \(reason)" }
}
