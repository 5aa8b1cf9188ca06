/// The cell form of the conformance corpus (`shared/corpus/README.md`), so any reader's output
/// can be compared with any other's.
extension Cell {
    /// `{"type": …, "value": …}` plus `formula`, and for dates `serial` (or `iso_cell`) and `numFmt`.
    public var corpusJSON: String {
        var pairs: [(String, String)] = []
        switch value {
        case .empty:
            pairs = [("type", "\"empty\""), ("value", "null")]
        case .number(let number):
            pairs = [("type", "\"number\""), ("value", JSONText.quoted(number.plainString))]
        case .outOfRangeNumber(let text):
            pairs = [("type", "\"number\""), ("value", JSONText.quoted(text))]
        case .text(let text):
            pairs = [("type", "\"string\""), ("value", JSONText.quoted(text))]
        case .bool(let flag):
            pairs = [("type", "\"bool\""), ("value", flag ? "\"true\"" : "\"false\"")]
        case .error(let code):
            pairs = [("type", "\"error\""), ("value", JSONText.quoted(code))]
        case .date(let date):
            pairs = [("type", JSONText.quoted(date.kind.rawValue)), ("value", JSONText.quoted(date.iso8601))]
            if let serial = date.serial {
                pairs.append(("serial", JSONText.quoted(serial.plainString)))
            } else {
                pairs.append(("iso_cell", "true"))
            }
            if let numberFormat { pairs.append(("numFmt", JSONText.quoted(numberFormat))) }
        }
        if let formula { pairs.append(("formula", JSONText.quoted("=" + formula))) }
        return JSONText.object(pairs)
    }
}
