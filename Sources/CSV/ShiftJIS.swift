import Foundation

/// Shift_JIS (Windows code page 932), the encoding Japanese Excel saves "CSV (comma delimited)" in.
enum ShiftJIS {
    /// Whether `sample` (a file's first bytes, not UTF-8) is Shift_JIS rather than Windows-1252:
    /// every byte above 0x7F belongs to a character (a lead byte 0x81–0x9F or 0xE0–0xFC with a
    /// trail byte 0x40–0x7E or 0x80–0xFC, or a half-width katakana 0xA1–0xDF), at least two
    /// characters take two bytes, and at least half of those stand beside another, as the words
    /// of Japanese text do. Western text read so pairs an accented letter with the ASCII letter
    /// after it (`é` and `s` of `Désirée`), each such pair on its own between ASCII letters.
    /// The sample may end inside a character.
    static func reads(_ sample: [UInt8]) -> Bool {
        var index = 0
        var doubles = 0
        var besideAnother = 0
        var run = 0
        func endRun() {
            if run >= 2 { besideAnother += run }
            run = 0
        }
        while index < sample.count {
            let byte = sample[index]
            guard isLead(byte) else {
                guard byte < 0x80 || (0xA1...0xDF).contains(byte) else { return false }
                endRun()
                index += 1
                continue
            }
            guard index + 1 < sample.count else { break }
            guard isTrail(sample[index + 1]) else { return false }
            doubles += 1
            run += 1
            index += 2
        }
        endRun()
        return doubles >= 2 && besideAnother * 2 >= doubles
    }

    static func isLead(_ byte: UInt8) -> Bool { (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) }

    static func isTrail(_ byte: UInt8) -> Bool { (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) }

    /// How many of `bytes`' first bytes end on a character's boundary: all of them, or all but a
    /// lead byte at the end whose trail byte is still to come.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            if isLead(bytes[index]) {
                guard index + 1 < bytes.count else { return index }
                index += 2
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// `bytes` (whole characters) as UTF-8; a character Foundation cannot decode makes the
    /// whole piece U+FFFD per byte above 0x7F, the ASCII kept.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        if let text = String(data: Data(bytes), encoding: .shiftJIS) { return Array(text.utf8) }
        return bytes.flatMap { $0 < 0x80 ? [$0] : Array("\u{FFFD}".utf8) }
    }
}
