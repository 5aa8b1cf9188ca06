import Spreadsheet

extension XLSXWorkbook {
    /// Writes every sheet's typed cells in the conformance corpus's JSON form, piece by piece.
    ///
    /// Cells hidden under a merged range (all but its top-left cell) are left out, as the corpus
    /// does; that needs a sheet's merged ranges, which follow its rows, so one sheet's cells are
    /// held at a time.
    public func writeCorpusJSON(to write: (String) throws -> Void) throws {
        try write("{\n \"date1904\": \(dateSystem == .excel1904),\n \"sheets\": [")
        for (position, sheet) in sheets.enumerated() {
            var cells: [(CellAddress, Cell)] = []
            let tail = try readRows(of: sheet) { row in
                for cell in row.cells { cells.append((CellAddress(row: row.index, column: cell.column), cell)) }
            }
            let hidden = tail.mergedRanges
            try write(position == 0 ? "\n  {" : ",\n  {")
            try write("\"name\": \(JSONText.quoted(sheet.name)), \"state\": \"\(sheet.state.rawValue)\", ")
            try write("\"kind\": \"\(sheet.kind.rawValue)\",")
            if !hidden.isEmpty {
                try write(
                    " \"merged\": [" + hidden.map { JSONText.quoted($0.description) }.joined(separator: ", ") + "],")
            }
            try write("\n   \"cells\": {")
            var first = true
            for (address, cell) in cells
            where !hidden.contains(where: { $0.contains(address) && $0.first != address }) {
                try write(
                    (first ? "\n    " : ",\n    ") + JSONText.quoted(address.description) + ": " + cell.corpusJSON)
                first = false
            }
            try write("}}")
        }
        try write("\n ]\n}\n")
    }
}
