/// A ledger that cannot be used as asked, said in one line that names the file.
public struct LedgerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
