/// A document with more members after its own, in the same object: `OrderedJSONEncoder` writes
/// the document's members, then `members`' (a ledger's `adjustments` after a statement's issues).
///
/// `members` must encode itself as an object (a keyed container); without it the document is
/// written as it is.
public struct ExtendedDocument<Document: Encodable, Members: Encodable>: Encodable {
    public var document: Document
    public var members: Members?

    public init(_ document: Document, adding members: Members?) {
        self.document = document
        self.members = members
    }

    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        try members?.encode(to: encoder)
    }
}
