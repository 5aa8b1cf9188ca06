import Commission
import FileAccess
import Foundation

/// A credit line as a spool record, with its index in the run and its rep's index.
struct SpooledLine {
    let index: Int
    let rep: Int
    let line: CreditLine

    init(index: Int, rep: Int, line: CreditLine) {
        self.index = index
        self.rep = rep
        self.line = line
    }

    /// Which of the optional fields a record holds (a split is written only when not 1).
    private struct Present: OptionSet {
        let rawValue: Int
        static let split = Present(rawValue: 1)
        static let product = Present(rawValue: 2)
        static let type = Present(rawValue: 4)
        static let status = Present(rawValue: 8)
        static let cancelDate = Present(rawValue: 16)
        static let quota = Present(rawValue: 32)
        /// The labels as their index in the process's table (`CreditLine.Labels.interned`), not
        /// as texts.
        static let labels = Present(rawValue: 64)
    }

    func write(to record: inout RecordWriter) {
        var present: Present = []
        if line.split != 1 { present.insert(.split) }
        let labels = line.labels
        let interned = labels?.interned
        let texts = interned == nil ? labels?.texts : nil
        if interned != nil { present.insert(.labels) }
        if texts?.product != nil { present.insert(.product) }
        if texts?.type != nil { present.insert(.type) }
        if texts?.status != nil { present.insert(.status) }
        if line.cancelDate != nil { present.insert(.cancelDate) }
        if line.quota != nil { present.insert(.quota) }
        record.int(index)
        record.int(rep)
        record.int(line.row)
        record.text(line.dealID)
        record.text(line.rep)
        record.int(line.date.dayNumber)
        record.raw(line.amount)
        record.int(present.rawValue)
        if present.contains(.split) { record.raw(line.split) }
        if let interned { record.int(Int(interned)) }
        // Each in turn rather than through an array (one per line).
        if let product = texts?.product { record.text(product) }
        if let type = texts?.type { record.text(type) }
        if let status = texts?.status { record.text(status) }
        if let cancel = line.cancelDate { record.int(cancel.dayNumber) }
        if let quota = line.quota { record.raw(quota) }
    }

    /// The rep index of the record `record` starts, without reading the rest.
    static func rep(of record: RecordReader) -> Int {
        var record = record
        _ = record.int()
        return record.int()
    }

    init(reading record: inout RecordReader) {
        index = record.int()
        rep = record.int()
        let row = record.int()
        let dealID = record.text()
        let repText = record.text()
        let date = LocalDate(dayNumber: record.int())
        let amount = record.raw(Decimal.self)
        let present = Present(rawValue: record.int())
        let split = present.contains(.split) ? record.raw(Decimal.self) : 1
        let labels: CreditLine.Labels?
        if present.contains(.labels) {
            labels = CreditLine.Labels(interned: UInt32(record.int()))
        } else {
            let product = present.contains(.product) ? record.text() : nil
            let type = present.contains(.type) ? record.text() : nil
            let status = present.contains(.status) ? record.text() : nil
            labels = CreditLine.Labels.of(product: product, type: type, status: status)
        }
        let cancel = present.contains(.cancelDate) ? LocalDate(dayNumber: record.int()) : nil
        let quota = present.contains(.quota) ? record.raw(Decimal.self) : nil
        line = CreditLine(
            row: row, dealID: dealID, rep: repText, date: date, amount: amount, split: split, labels: labels,
            cancelDate: cancel, quota: quota)
    }
}
