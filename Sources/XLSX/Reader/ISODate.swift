import Spreadsheet

/// ISO 8601 text in `t="d"` cells: `2024-01-31`, `2024-01-31T10:05:00[.fff][Z|±hh:mm]`, `10:05:00`.
enum ISODate {
    static func parse(_ text: String) -> DateTimeValue? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 1 {
            if text.contains(":") { return time(Substring(text)).map { timeValue($0, kind: .time) } }
            guard let (y, m, d) = date(Substring(text)) else { return nil }
            return DateTimeValue(kind: .date, year: y, month: m, day: d)
        }
        guard let (y, m, d) = date(parts[0]), let t = time(parts[1]) else { return nil }
        var value = timeValue(t, kind: .dateTime)
        (value.year, value.month, value.day) = (y, m, d)
        if t.hour == 0 && t.minute == 0 && t.second == 0 && t.micro == 0 { value.kind = .date }
        return value
    }

    private static func timeValue(_ t: (hour: Int, minute: Int, second: Int, micro: Int), kind: DateTimeValue.Kind)
        -> DateTimeValue
    {
        DateTimeValue(kind: kind, hour: t.hour, minute: t.minute, second: t.second, microsecond: t.micro)
    }

    private static func date(_ text: Substring) -> (Int, Int, Int)? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, let y = Int(fields[0]), let m = Int(fields[1]),
            let d = Int(fields[2]), CivilCalendar.isValid(year: y, month: m, day: d)
        else { return nil }
        return (y, m, d)
    }

    private static func time(_ text: Substring) -> (hour: Int, minute: Int, second: Int, micro: Int)? {
        var body = text
        if body.hasSuffix("Z") { body = body.dropLast() }
        if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }) { body = body[..<sign] }
        let fields = body.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count >= 2, fields.count <= 3, let h = Int(fields[0]), let m = Int(fields[1]),
            (0...23).contains(h),
            (0...59).contains(m)
        else { return nil }
        var second = 0
        var micro = 0
        if fields.count == 3 {
            let secondParts = fields[2].split(separator: ".", maxSplits: 1)
            guard let s = Int(secondParts[0]), (0...60).contains(s) else { return nil }
            second = s
            if secondParts.count == 2 {
                let digits = String(secondParts[1].prefix(6))
                guard let fraction = Int(digits) else { return nil }
                micro = fraction * Int(pow10(6 - digits.count))
            }
        }
        return (h, m, second, micro)
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { value, _ in value * 10 } }
}
