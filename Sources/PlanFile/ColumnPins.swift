import Commission

extension PlanFile {
    /// The plan's column pins (`columns:`) with `map` on top: items `FIELD=HEADER`, as `--map`
    /// and the server's mapping form give them. Throws for an item that is not `FIELD=HEADER`
    /// with `FIELD` one of `fields`.
    public static func pins(_ plan: Plan, map: [String]) throws(ColumnPinError) -> [String: String] {
        var pins = plan.columns
        for item in map {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, fields.contains(parts[0]) else { throw ColumnPinError(item: item) }
            pins[parts[0]] = parts[1]
        }
        return pins
    }
}

/// A column pin that is not `FIELD=HEADER` with a known field.
public struct ColumnPinError: Error, Sendable, CustomStringConvertible {
    public let item: String

    public var description: String {
        "\(item): expected FIELD=HEADER with FIELD one of " + PlanFile.fields.joined(separator: ", ")
    }
}
