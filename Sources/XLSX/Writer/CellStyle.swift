import XMLStream

/// How a written cell looks: number format, bold, fill. Equal styles share one `cellXfs` entry.
public struct CellStyle: Sendable, Hashable {
    /// A number format code, e.g. `#,##0.00`, `0.0%`, `yyyy-mm-dd`; nil is General.
    public var numberFormat: String?
    public var bold: Bool
    /// A solid fill colour as RRGGBB, e.g. `FFF2CC`.
    public var fill: String?

    public init(numberFormat: String? = nil, bold: Bool = false, fill: String? = nil) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.fill = fill
    }

    public static let plain = CellStyle()
    public static let money = CellStyle(numberFormat: "#,##0.00")
    public static let percent = CellStyle(numberFormat: "0.0%")
    public static let date = CellStyle(numberFormat: "yyyy-mm-dd")
    public static let header = CellStyle(bold: true, fill: "DDEBF7")
}

/// The styles of one workbook being written, deduplicated, rendered as `xl/styles.xml`.
struct StyleTable {
    private(set) var styles: [CellStyle] = [.plain]
    private var index: [CellStyle: Int] = [.plain: 0]

    /// The `s` index of `style`, adding it when new.
    mutating func id(of style: CellStyle) -> Int {
        if let found = index[style] { return found }
        styles.append(style)
        index[style] = styles.count - 1
        return styles.count - 1
    }

    /// Excel's built-in ids for the formats it knows; custom codes get ids from 164.
    private static let builtIn: [String: Int] = [
        "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "mm-dd-yy": 14,
        "d-mmm-yy": 15, "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22, "[h]:mm:ss": 46, "@": 49,
    ]

    var xml: String {
        var customFormats: [String] = []
        var formatIDs: [Int] = []
        for style in styles {
            guard let code = style.numberFormat else {
                formatIDs.append(0)
                continue
            }
            if let id = Self.builtIn[code] {
                formatIDs.append(id)
            } else {
                if !customFormats.contains(code) { customFormats.append(code) }
                formatIDs.append(164 + customFormats.firstIndex(of: code)!)
            }
        }
        var fills: [String] = []
        for fill in styles.compactMap(\.fill) where !fills.contains(fill) { fills.append(fill) }
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !customFormats.isEmpty {
            out += #"<numFmts count="\#(customFormats.count)">"#
            for (i, code) in customFormats.enumerated() {
                out += #"<numFmt numFmtId="\#(164 + i)" formatCode="\#(XMLEscaping.escaped(code))"/>"#
            }
            out += "</numFmts>"
        }
        out += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        out += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        out += #"<fills count="\#(2 + fills.count)"><fill><patternFill patternType="none"/></fill>"#
        out += #"<fill><patternFill patternType="gray125"/></fill>"#
        for fill in fills {
            out +=
                #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#(fill)"/><bgColor indexed="64"/></patternFill></fill>"#
        }
        out += "</fills>"
        out += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        out += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        out += #"<cellXfs count="\#(styles.count)">"#
        for (i, style) in styles.enumerated() {
            let font = style.bold ? 1 : 0
            let fill = style.fill.map { 2 + fills.firstIndex(of: $0)! } ?? 0
            out += #"<xf numFmtId="\#(formatIDs[i])" fontId="\#(font)" fillId="\#(fill)" borderId="0" xfId="0""#
            if formatIDs[i] != 0 { out += #" applyNumberFormat="1""# }
            if font != 0 { out += #" applyFont="1""# }
            if fill != 0 { out += #" applyFill="1""# }
            out += "/>"
        }
        out += "</cellXfs>"
        out += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        out += "</styleSheet>"
        return out
    }
}
