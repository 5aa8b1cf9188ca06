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

    func write(to record: inout RecordWriter) {
        record.int(index)
        record.int(rep)
        line.write(to: &record)
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
        line = CreditLine(reading: &record)
    }
}

extension CreditLine {
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

    /// Writes the line's fields to a spool record, read back whole by `init(reading:)` in the
    /// same process (the labels may be written as their index in the process's table).
    public func write(to record: inout RecordWriter) {
        var present: Present = []
        if split != 1 { present.insert(.split) }
        let labels = self.labels
        let interned = labels?.interned
        let texts = interned == nil ? labels?.texts : nil
        if interned != nil { present.insert(.labels) }
        if texts?.product != nil { present.insert(.product) }
        if texts?.type != nil { present.insert(.type) }
        if texts?.status != nil { present.insert(.status) }
        if cancelDate != nil { present.insert(.cancelDate) }
        if quota != nil { present.insert(.quota) }
        record.int(row)
        record.text(dealID)
        record.text(rep)
        record.int(date.dayNumber)
        record.raw(amount)
        record.int(present.rawValue)
        if present.contains(.split) { record.raw(split) }
        if let interned { record.int(Int(interned)) }
        // Each in turn rather than through an array (one per line).
        if let product = texts?.product { record.text(product) }
        if let type = texts?.type { record.text(type) }
        if let status = texts?.status { record.text(status) }
        if let cancel = cancelDate { record.int(cancel.dayNumber) }
        if let quota { record.raw(quota) }
    }

    /// The line `write(to:)` wrote. `repText`, when given, turns the rep's text read into the
    /// one to hold (an equal text read before, so that the lines of a rep share one, as read
    /// lines do); `previous`, a line read back before, whose cancel date and quota this one
    /// shares when they are equal (`CreditLine.init(…sharingWith:)`).
    public init(reading record: inout RecordReader, repText: ((String) -> String)? = nil, previous: CreditLine? = nil) {
        let row = record.int()
        let dealID = record.text()
        let rep = record.text()
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
        self.init(
            row: row, dealID: dealID, rep: repText?(rep) ?? rep, date: date, amount: amount, split: split,
            labels: labels, cancelDate: cancel, quota: quota, sharingWith: previous)
    }
}
