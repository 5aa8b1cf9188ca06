import FuzzSupport
import Spreadsheet
import XLSX
import ZIP

// The XLSX reader: package, workbook, styles, shared strings and every sheet's rows.
FuzzDriver.run { data, count in
    let path = FuzzDriver.scratchFile(data, count, suffix: ".xlsx")
    let limits = ZipLimits(maxEntryCount: 256, maxPartSize: 4 << 20, maxTotalSize: 16 << 20)
    guard let workbook = try? XLSXWorkbook(path: path, limits: limits) else { return 0 }
    for sheet in workbook.sheets {
        var cells = 0
        _ = try? workbook.readRows(of: sheet) { row in
            cells &+= row.cells.count
            for cell in row.cells { cells &+= cell.value.plainText.utf8.count }
        }
    }
    return 0
}
