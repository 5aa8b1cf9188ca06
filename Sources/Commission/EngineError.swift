/// Why the engine refused to compute: the data or plan leave a figure undefined.
///
/// Each message names the rows (1-based, as in the source sheet) so the caller can add the file.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public var rows: [Int]
    public var message: String

    public init(rows: [Int], _ message: String) {
        self.rows = rows
        self.message = message
    }

    public var description: String {
        guard let first = rows.first else { return message }
        return (rows.count == 1 ? "row \(first)" : "rows " + rows.map(String.init).joined(separator: ", ")) + ": "
            + message
    }
}
