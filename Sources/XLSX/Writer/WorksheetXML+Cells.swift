import Foundation
import Primitives
import Spreadsheet
import XMLStream

extension WorksheetXML {
    /// Appends one `<c>` element: the cell at `column` (its letters) and `row`, style `styleID`
    /// (0: none), text as shared string `sharedString` when given, else inline. Both writers of
    /// worksheet parts use it: `WorkbookWriter` and `WorksheetPart`.
    @inline(__always)
    static func appendCell(
        _ cell: WriteCell, column: [UInt8], row: Int, styleID: Int, sharedString: Int?, dateSystem: DateSystem,
        formulaElement: [UInt8]? = nil, to out: inout [UInt8]
    ) {
        out.append(literal: #"<c r=""#)
        out.append(contentsOf: column)
        appendDigits(of: row, to: &out)
        out.append(UInt8(ascii: "\""))
        if styleID != 0 {
            out.append(literal: #" s=""#)
            appendDigits(of: styleID, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        let formula: [UInt8] =
            formulaElement
            ?? cell.formula.map { formula in
                var bytes = Array("<f>".utf8)
                XMLEscaping.append(formula, to: &bytes)
                return bytes + Array("</f>".utf8)
            } ?? []
        switch cell.value {
        case .empty:
            if formula.isEmpty {
                out.append(literal: "/>")
            } else {
                out.append(UInt8(ascii: ">"))
                out += formula
                out.append(literal: "</c>")
            }
            return
        case .number(let number):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(literal: "<v>")
            out.append(utf8: number.plainString)
        case .outOfRangeNumber(let text):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(literal: "<v>")
            out.append(utf8: text)
        case .date(let date):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(literal: "<v>")
            out.append(utf8: serial(of: date, in: dateSystem).plainString)
        case .bool(let flag):
            out.append(literal: #" t="b">"#)
            out += formula
            out.append(literal: flag ? "<v>1" : "<v>0")
        case .error(let code):
            out.append(literal: #" t="e">"#)
            out += formula
            out.append(literal: "<v>")
            XMLEscaping.append(code, to: &out)
        case .text(let text):
            if formula.isEmpty, let index = sharedString {
                out.append(literal: #" t="s"><v>"#)
                appendDigits(of: index, to: &out)
            } else if formula.isEmpty {
                out.append(literal: #" t="inlineStr"><is><t xml:space="preserve">"#)
                XMLEscaping.append(text, to: &out)
                out.append(literal: "</t></is></c>")
                return
            } else {
                out.append(literal: #" t="str">"#)
                out += formula
                out.append(literal: "<v>")
                XMLEscaping.append(text, to: &out)
            }
        }
        out.append(literal: "</v></c>")
    }

    /// Appends the decimal digits of `value` (not negative): a row, style or string index.
    @inline(__always)
    static func appendDigits(of value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(48 + rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// The serial of a date value in `dateSystem` (durations as days).
    static func serial(of date: DateTimeValue, in dateSystem: DateSystem) -> Decimal {
        if date.kind == .duration { return Decimal(date.durationMilliseconds) / 86_400_000 }
        let day = date.kind == .time ? 0 : dateSystem.serial(year: date.year, month: date.month, day: date.day)
        let millis = ((date.hour * 60 + date.minute) * 60 + date.second) * 1000 + date.microsecond / 1000
        return Decimal(day) + (millis == 0 ? 0 : Decimal(millis) / 86_400_000)
    }

    /// `<hyperlinks>` to places in the workbook (`'Deals'!H5`), by cell; they go before the tail.
    static func internalLinks(_ links: [(cell: CellAddress, location: String)]) -> String {
        guard !links.isEmpty else { return "" }
        var out = "<hyperlinks>"
        for link in links {
            out += #"<hyperlink ref="\#(link.cell)" location="\#(XMLEscaping.escaped(link.location))"/>"#
        }
        return out + "</hyperlinks>"
    }
}

extension WorksheetPart {
    /// One `<c>` element as an editor splices it into a sheet it streams: `cell` at `address`
    /// with style index `styleID` (0: none), text inline; `formulaElement`, an `<f>` element as
    /// the sheet has it (a shared formula's, say), goes in before the value instead of
    /// `cell.formula`.
    public static func cell(_ cell: WriteCell, at address: CellAddress, styleID: Int, formulaElement: [UInt8]? = nil)
        -> [UInt8]
    {
        var out: [UInt8] = []
        WorksheetXML.appendCell(
            cell, column: Array(CellAddress.columnName(address.column).utf8), row: address.row, styleID: styleID,
            sharedString: nil, dateSystem: .excel1900, formulaElement: formulaElement, to: &out)
        return out
    }
}

/// A whole worksheet part of constant cells, for a sheet an editor adds to an existing package
/// (`WorkbookEditor.appendWorksheet`): the same XML `WorkbookWriter` writes, with text inline
/// (the package's shared strings are not touched) and styles given as the package's own `s`
/// indexes.
public enum WorksheetPart {
    /// `rows` from row 1; `styleID` gives each cell's style index in the package's styles part;
    /// `links` are internal hyperlinks (`'Deals'!H5`) on cells.
    public static func xml(
        rows: [[WriteCell]], layout: SheetLayout = SheetLayout(), links: [(cell: CellAddress, location: String)] = [],
        dateSystem: DateSystem = .excel1900, styleID: (CellStyle) -> Int
    ) -> [UInt8] {
        var out = Array(WorksheetXML.head(layout: layout, selected: false).utf8)
        var columns: [[UInt8]] = [[]]
        for (index, row) in rows.enumerated() {
            out.append(utf8: "<row r=\"\(index + 1)\">")
            for (offset, cell) in row.enumerated() {
                let isBare = cell.value.isEmpty && cell.formula == nil && cell.style == .plain
                guard !isBare else { continue }
                while columns.count <= offset + 1 { columns.append(Array(CellAddress.columnName(columns.count).utf8)) }
                WorksheetXML.appendCell(
                    cell, column: columns[offset + 1], row: index + 1, styleID: styleID(cell.style), sharedString: nil,
                    dateSystem: dateSystem, to: &out)
            }
            out.append(literal: "</row>")
        }
        out.append(literal: "</sheetData>")
        out.append(contentsOf: WorksheetXML.internalLinks(links).utf8)
        out.append(contentsOf: WorksheetXML.tail(hasNotes: false, layout: layout).utf8)
        return out
    }
}
