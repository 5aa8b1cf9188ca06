import Foundation

/// A plan file's text from its bytes.
///
/// A byte-order mark decides the encoding: UTF-8, UTF-16 or UTF-32, little- or big-endian (the
/// mark is not part of the text). Without one the bytes must be UTF-8. Bytes that do not decode
/// are refused at the line and column where they stand (the column counted in characters, as
/// YAML errors count it): a plan is never read with a character replaced or dropped, which could
/// change a key, a name or a figure.
enum PlanText {
    private enum Encoding: String {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16 LE"
        case utf16BigEndian = "UTF-16 BE"
        case utf32LittleEndian = "UTF-32 LE"
        case utf32BigEndian = "UTF-32 BE"
    }

    /// The text of `bytes`, read from `file` (named in errors).
    static func decode(_ bytes: [UInt8], file: String) throws(PlanError) -> String {
        let (encoding, markLength) = Self.encoding(of: bytes)
        var reader = Reader(file: file, encoding: encoding, markLength: markLength)
        let body = bytes[markLength...]
        switch encoding {
        case .utf8:
            var units = body.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            return try reader.read(&units, &parser, bytesPerUnit: 1, raw: body)
        case .utf16LittleEndian, .utf16BigEndian:
            return try Self.decode(
                body, in: UInt16.self, bigEndian: encoding == .utf16BigEndian, Unicode.UTF16.ForwardParser(), &reader)
        case .utf32LittleEndian, .utf32BigEndian:
            return try Self.decode(
                body, in: UInt32.self, bigEndian: encoding == .utf32BigEndian, Unicode.UTF32.Parser(), &reader)
        }
    }

    /// The text of `body` read as code units of `Unit` in the given byte order; bytes after the
    /// last whole unit are refused.
    private static func decode<Unit: FixedWidthInteger, Parser: Unicode.Parser>(
        _ body: ArraySlice<UInt8>, in _: Unit.Type, bigEndian: Bool, _ parser: Parser, _ reader: inout Reader
    ) throws(PlanError) -> String where Parser.Encoding.CodeUnit == Unit {
        var units = CodeUnits<Unit>(body, bigEndian: bigEndian)
        var parser = parser
        let text = try reader.read(&units, &parser, bytesPerUnit: MemoryLayout<Unit>.size, raw: body)
        try reader.refuseLeftOver(units.leftOver)
        return text
    }

    /// The encoding a byte-order mark names (UTF-32 LE before UTF-16 LE, whose mark begins it),
    /// and the mark's length; UTF-8 and 0 without one.
    private static func encoding(of bytes: [UInt8]) -> (Encoding, Int) {
        let marks: [(Encoding, [UInt8])] = [
            (.utf8, [0xEF, 0xBB, 0xBF]), (.utf32LittleEndian, [0xFF, 0xFE, 0, 0]),
            (.utf32BigEndian, [0, 0, 0xFE, 0xFF]),
            (.utf16LittleEndian, [0xFF, 0xFE]), (.utf16BigEndian, [0xFE, 0xFF]),
        ]
        for (encoding, mark) in marks where bytes.starts(with: mark) { return (encoding, mark.count) }
        return (.utf8, 0)
    }

    /// Code units of `bytes` in the given byte order; bytes past the last whole unit are left over.
    private struct CodeUnits<Unit: FixedWidthInteger>: IteratorProtocol {
        private let bytes: ArraySlice<UInt8>
        private let bigEndian: Bool
        private var offset: Int

        init(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) {
            self.bytes = bytes
            self.bigEndian = bigEndian
            offset = bytes.startIndex
        }

        /// How many bytes follow the last whole unit.
        var leftOver: Int { bytes.endIndex - offset }

        mutating func next() -> Unit? {
            let size = MemoryLayout<Unit>.size
            guard bytes.endIndex - offset >= size else { return nil }
            var unit: Unit = 0
            for index in 0..<size {
                let byte = Unit(bytes[offset + (bigEndian ? index : size - 1 - index)])
                unit = unit << 8 | byte
            }
            offset += size
            return unit
        }
    }

    /// Decodes scalars, keeping the line and column reached for an error.
    private struct Reader {
        let file: String
        let encoding: Encoding
        /// The byte-order mark's length (0 without one).
        let markLength: Int
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        /// Bytes of the text decoded so far, the mark excluded.
        var offset = 0

        init(file: String, encoding: Encoding, markLength: Int) {
            self.file = file
            self.encoding = encoding
            self.markLength = markLength
        }

        mutating func read<Parser: Unicode.Parser, Units: IteratorProtocol>(
            _ units: inout Units, _ parser: inout Parser, bytesPerUnit: Int, raw: ArraySlice<UInt8>
        ) throws(PlanError) -> String where Units.Element == Parser.Encoding.CodeUnit {
            var scalars = String.UnicodeScalarView()
            while true {
                switch parser.parseScalar(from: &units) {
                case .valid(let encoded):
                    let scalar = Parser.Encoding.decode(encoded)
                    scalars.append(scalar)
                    advance(over: scalar)
                    offset +=
                        bytesPerUnit
                        * (bytesPerUnit == 1 ? scalar.utf8.count : bytesPerUnit == 2 ? scalar.utf16.count : 1)
                case .emptyInput:
                    return String(scalars)
                case .error(let length):
                    let bytes = raw.dropFirst(offset).prefix(min(length * bytesPerUnit, 4))
                    let shown = bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
                    let what =
                        bytes.count == 1
                        ? "the byte \(shown) at offset \(markLength + offset) is"
                        : "the bytes \(shown) at offset \(markLength + offset) are"
                    throw refusal(
                        markLength > 0
                            ? "\(what) not \(encoding.rawValue), which the plan's byte-order mark says it is in"
                            : "\(what) not UTF-8; a plan without a byte-order mark must be UTF-8 (save it as UTF-8)")
                }
            }
        }

        /// Refuses bytes after the last whole code unit: the file was cut inside a character.
        func refuseLeftOver(_ count: Int) throws(PlanError) {
            guard count > 0 else { return }
            throw refusal(
                "the plan ends inside a \(encoding.rawValue) character (\(count) byte\(count == 1 ? "" : "s") after the last whole one): the file was cut short"
            )
        }

        private mutating func advance(over scalar: Unicode.Scalar) {
            if scalar == "\n" {
                if !afterCarriageReturn { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            afterCarriageReturn = scalar == "\r"
        }

        private func refusal(_ message: String) -> PlanError {
            PlanError(file: file, line: line, column: column, message: message)
        }
    }
}
