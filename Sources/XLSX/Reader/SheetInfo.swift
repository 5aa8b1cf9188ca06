import Spreadsheet

/// One sheet as the workbook lists it, in tab order.
public struct SheetInfo: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case visible, hidden, veryHidden
    }

    public enum Kind: String, Sendable, Hashable {
        case worksheet, chartsheet, dialogsheet, macrosheet
    }

    public let name: String
    public let state: State
    public let kind: Kind
    /// 0-based position in the workbook's tab order.
    public let index: Int
    /// The part that holds the sheet, or nil when its relationship is missing.
    public let partName: String?
}

/// A name defined in the workbook (`<definedName>`), global or local to one sheet.
public struct DefinedName: Sendable, Hashable {
    public let name: String
    public let formula: String
    /// The 0-based sheet index it is local to, if any.
    public let localSheet: Int?
    public let isHidden: Bool
}
