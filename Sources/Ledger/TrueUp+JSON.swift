import Commission
import Foundation
import Spreadsheet

extension TrueUp {
    /// The `adjustments` list: `{rep, name, period, paid, due, difference, causes}` with each
    /// cause `{cause, deal_ids}`; money as strings of plain decimals.
    public var adjustmentsJSON: String {
        guard !adjustments.isEmpty else { return "[]" }
        return "[\n  " + adjustments.map(\.json).joined(separator: ",\n  ") + "]"
    }

    /// `object` (a JSON object ending in `}` and a newline) with an `adjustments` member added last.
    public func adding(to object: String) -> String {
        var head = Substring(object)
        while head.last?.isWhitespace == true { head = head.dropLast() }
        guard head.last == "}" else { return object }
        head = head.dropLast()
        let empty = head.last { !$0.isWhitespace } == "{"
        return head + (empty ? "" : ",\n ") + "\"adjustments\": " + adjustmentsJSON + "}\n"
    }
}

extension Adjustment {
    var json: String {
        let causes = self.causes.map { reason in
            JSONText.object([
                ("cause", JSONText.quoted(reason.cause.rawValue)),
                ("deal_ids", "[" + reason.dealIDs.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ])
        }
        return JSONText.object([
            ("rep", JSONText.quoted(rep)), ("name", name.map(JSONText.quoted) ?? "null"),
            ("period", JSONText.quoted(period.description)), ("paid", JSONText.quoted(paid.moneyText)),
            ("due", JSONText.quoted(due.moneyText)), ("difference", JSONText.quoted(difference.moneyText)),
            ("causes", "[" + causes.joined(separator: ", ") + "]"),
        ])
    }
}

/// Writes a JSON object piece by piece, holding back its closing brace so that an `adjustments`
/// member can be added to a statement written as a stream.
public final class JSONObjectExtender {
    private let write: (String) -> Void
    private var pending = ""

    public init(write: @escaping (String) -> Void) { self.write = write }

    /// Passes `piece` on, keeping the last few characters back.
    public func pass(_ piece: String) {
        pending += piece
        guard pending.utf8.count > 64 else { return }
        let keep = pending.index(pending.endIndex, offsetBy: -16)
        write(String(pending[..<keep]))
        pending = String(pending[keep...])
    }

    /// Writes what was held back, with the adjustments added to the object.
    public func finish(adding trueUp: TrueUp?) {
        write(trueUp.map { $0.adding(to: pending) } ?? pending)
        pending = ""
    }
}
