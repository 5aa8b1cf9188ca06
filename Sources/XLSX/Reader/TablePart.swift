import Spreadsheet
import XMLStream

/// An Excel table (`xl/tables/tableN.xml`) on a sheet: what structured references such as
/// `tblDeals[Commission]` name.
public struct TablePart: Sendable, Hashable {
    /// The name formulas use (`displayName`).
    public let name: String
    public let range: CellRange
    public let columns: [String]
    public let headerRows: Int
    public let totalsRows: Int
}

extension XLSXWorkbook {
    /// The tables on `sheet`, from its relationships; none for a sheet without table parts.
    public func tables(of sheet: SheetInfo) throws -> [TablePart] {
        guard let partName = sheet.partName else { return [] }
        let package = PackageReader(archive: archive, location: Location(file: path, sheet: sheet.name))
        let parts = try package.relationships(of: partName).filter { $0.hasType("table") && !$0.isExternal }
        return try parts.compactMap { relationship in
            let parser = TableParser()
            try XMLPushParser.parse(
                package.bytes(of: relationship.target), handler: parser, documentName: relationship.target)
            return parser.table
        }
    }
}

private final class TableParser: XMLEventHandler {
    private var name: String?
    private var range: CellRange?
    private var headerRows = 1
    private var totalsRows = 0
    private var columns: [String] = []

    var table: TablePart? {
        guard let name, let range else { return nil }
        return TablePart(name: name, range: range, columns: columns, headerRows: headerRows, totalsRows: totalsRows)
    }

    func startElement(_ element: XMLName, attributes: XMLAttributes) {
        if element.is("table") {
            name = attributes.string("displayName") ?? attributes.string("name")
            range = attributes.string("ref").flatMap { CellRange($0) }
            headerRows = attributes.string("headerRowCount").flatMap { Int($0) } ?? 1
            totalsRows = attributes.string("totalsRowCount").flatMap { Int($0) } ?? 0
        } else if element.is("tableColumn") {
            columns.append(attributes.string("name") ?? "")
        }
    }

    func endElement(_ element: XMLName) {}

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
