import Foundation
import Spreadsheet
import XMLStream

/// A sheet trueup appends to a corrected workbook (Findings, Summary, Payroll): constant values
/// only, so every reader sees the right numbers without recalculating.
struct AddedSheet {
    enum Value {
        case text(String)
        case money(Decimal)
        case empty
    }

    var name: String
    var header: [String]
    var rows: [[Value]]
    var columnWidths: [Double]
    /// Rows (0-based, below the header) whose first cell links to a place in the workbook.
    var links: [Int: String] = [:]

    /// The worksheet part; `moneyStyle` is the cell format index for amounts.
    func xml(moneyStyle: Int) -> [UInt8] {
        var out = Array(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                .utf8)
        out += Array(
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
                .utf8)
        out += Array("<cols>".utf8)
        for (index, width) in columnWidths.enumerated() {
            out += Array("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>".utf8)
        }
        out += Array("</cols><sheetData>".utf8)
        appendRow(1, header.map { .text($0) }, moneyStyle: moneyStyle, to: &out)
        for (index, row) in rows.enumerated() { appendRow(index + 2, row, moneyStyle: moneyStyle, to: &out) }
        out += Array("</sheetData>".utf8)
        if !links.isEmpty {
            out += Array("<hyperlinks>".utf8)
            for (row, location) in links.sorted(by: { $0.key < $1.key }) {
                out += Array("<hyperlink ref=\"A\(row + 2)\" location=\"\(XMLEscaping.escaped(location))\"/>".utf8)
            }
            out += Array("</hyperlinks>".utf8)
        }
        out += Array("</worksheet>".utf8)
        return out
    }

    private func appendRow(_ number: Int, _ values: [Value], moneyStyle: Int, to out: inout [UInt8]) {
        out += Array("<row r=\"\(number)\">".utf8)
        for (column, value) in values.enumerated() {
            let reference = CellAddress(row: number, column: column + 1).description
            switch value {
            case .text(let text):
                out += Array("<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
                XMLEscaping.append(text, to: &out)
                out += Array("</t></is></c>".utf8)
            case .money(let amount):
                out += Array("<c r=\"\(reference)\" s=\"\(moneyStyle)\"><v>\(amount.plainString)</v></c>".utf8)
            case .empty: break
            }
        }
        out += Array("</row>".utf8)
    }
}
