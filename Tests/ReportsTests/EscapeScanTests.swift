import Testing

@testable import Reports

/// `StatementDocument.Line.needsEscaping`, which reads eight bytes at a time, finds a control
/// character, a quote or a backslash wherever it stands, and nothing else.
@Suite struct EscapeScanTests {
    private func scan(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { StatementDocument.Line.needsEscaping($0) }
    }

    @Test func findsWhatNeedsEscapingAtEveryPlace() {
        // Bytes next to the ones that need escaping, and bytes past ASCII.
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x61]
        for length in 0...19 {
            let text = (0..<length).map { plain[$0 % plain.count] }
            #expect(!scan(text))
            for place in 0..<length {
                for special: UInt8 in [0x00, 0x0A, 0x1F, UInt8(ascii: "\""), UInt8(ascii: "\\")] {
                    var marked = text
                    marked[place] = special
                    #expect(scan(marked), "byte \(special) at \(place) of \(length)")
                }
            }
        }
    }
}
