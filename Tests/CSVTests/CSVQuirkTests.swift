import CSV
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// One test per CSV quirk in formats.md, each on bytes written to its own temporary file.
@Suite struct CSVQuirkTests {
    static func read(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> (CSVReader, [CSVRecord]) {
        let folder = Scratch.folder.appendingPathComponent("trueup-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path, options: options)
        var records: [CSVRecord] = []
        try reader.forEachRecord { records.append($0) }
        return (reader, records)
    }

    static func rows(_ text: String) throws -> [[String]] {
        try read(Array(text.utf8)).1.map(\.fields)
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let (reader, records) = try Self.read([0xEF, 0xBB, 0xBF] + Array("\"id\",name\n1,a\n".utf8))
        #expect(reader.encoding == .utf8)
        #expect(records.first?.fields == ["id", "name"])
    }

    @Test func utf16LittleEndianWithByteOrderMarkAndSurrogatePairs() throws {
        let text = "id\tnote\r\n1\t😀 ok\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (reader, records) = try Self.read(bytes)
        #expect(reader.encoding == .utf16LittleEndian)
        #expect(reader.dialect.delimiter == UInt8(ascii: "\t"))
        #expect(records.map(\.fields) == [["id", "note"], ["1", "😀 ok"]])
    }

    @Test func utf16BigEndianWithByteOrderMark() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + "a,b\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let (reader, records) = try Self.read(bytes)
        #expect(reader.encoding == .utf16BigEndian)
        #expect(records.map(\.fields) == [["a", "b"]])
    }

    /// A UTF-16 file cut in the middle of a character (an odd byte, or half a surrogate pair) is an
    /// error at its last line: read to its last whole character, `3603.75` was `3603.7`.
    @Test(arguments: [1, 3])
    func utf16CutInsideACharacterIsAnError(cut: Int) throws {
        let text = "id,amount\n1,3603.75\n2,😀"
        let whole: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect {
            _ = try Self.read(Array(whole.dropLast(cut)))
        } throws: { error in
            "\(error)".contains(":3: the file ends in the middle of a UTF-16 character")
        }
    }

    /// UTF-32, with either byte-order mark or none, is refused naming the file: read as UTF-16
    /// (its little-endian mark begins with UTF-16LE's) or UTF-8, it gave rows of NUL characters.
    @Test func utf32IsRefusedNotReadAsGarbage() throws {
        let text = Array("id,amount\n1,3603.75\n".unicodeScalars)
        let little = text.flatMap { withUnsafeBytes(of: $0.value.littleEndian, Array.init) }
        let big = text.flatMap { withUnsafeBytes(of: $0.value.bigEndian, Array.init) }
        for bytes in [[0xFF, 0xFE, 0, 0] + little, [0, 0, 0xFE, 0xFF] + big, little, big] {
            #expect {
                _ = try Self.read(bytes)
            } throws: { error in
                "\(error)".hasSuffix(".csv: the file is UTF-32, which trueup does not read: save it as UTF-8")
            }
        }
        // UTF-16 of the same text is not taken for UTF-32.
        let (reader, _) = try Self.read(text.flatMap { [UInt8($0.value & 0xFF), 0] })
        #expect(reader.encoding == .utf16LittleEndian)
    }

    @Test func windows1252WhenTheBytesAreNotUTF8() throws {
        let (reader, records) = try Self.read(
            Array("amount,rep\n".utf8) + [0x80, 0x35, 0x2C, 0x4A, 0xF6, 0x72, 0x67, 0x0A])
        #expect(reader.encoding == .windows1252)
        #expect(records.last?.fields == ["€5", "Jörg"])
    }

    /// Japanese Excel's CSV is Shift_JIS: its words are read as Japanese, a character whose two
    /// bytes fall in two read chunks whole.
    @Test func shiftJISWhenTheBytesReadAsJapanese() throws {
        let head = Array("案件番号,担当者,金額\r\n".data(using: .shiftJIS)!)
        // 担's lead byte the last of the first 1 MiB chunk read, its trail byte the next's first.
        let field = (1 << 20) - head.count - 3 - 1
        let tail = Array("a,\"\(String(repeating: "x", count: field))担当\",12500\r\n".data(using: .shiftJIS)!)
        let options = CSVOptions(limits: CSVLimits(maxFieldCharacters: 2 << 20))
        let (reader, records) = try Self.read(head + tail, options: options)
        #expect(reader.encoding == .shiftJIS)
        #expect(records.first?.fields == ["案件番号", "担当者", "金額"])
        #expect(records.last?.fields.last == "12500")
        #expect(records.last?.fields[1].hasSuffix("x担当") == true)
    }

    /// Western text whose accented letters would pair with the ASCII letter after them as
    /// Shift_JIS (`é` and `s` of `Désirée`) stays Windows-1252: no two such pairs stand together.
    @Test func westernTextIsNotTakenForShiftJIS() throws {
        let text = "rep,note\nDésirée Müller,Café crème à côté\n"
        let (reader, records) = try Self.read(text.unicodeScalars.map { UInt8($0.value) })
        #expect(reader.encoding == .windows1252)
        #expect(records.last?.fields == ["Désirée Müller", "Café crème à côté"])
    }

    @Test func separatorDirectiveChoosesTheDelimiterAndIsNotARecord() throws {
        let (reader, records) = try Self.read(Array("sep=;\na;b,c\n1;2,5\n".utf8))
        #expect(reader.hasSeparatorDirective)
        #expect(records.map(\.fields) == [["a", "b,c"], ["1", "2,5"]])
        #expect(records.first?.line == 2)
    }

    @Test(arguments: [("a;b;c\n1;2;3\n", ";"), ("a\tb\n1\t2\n", "\t"), ("a|b|c\n1|2|3\n", "|"), ("a,b\n1,2\n", ",")])
    func delimiterIsSniffed(_ text: String, _ delimiter: String) throws {
        #expect(try Self.read(Array(text.utf8)).0.dialect.delimiter == delimiter.utf8.first)
    }

    @Test func quotedNewlinesAndDoubledQuotes() throws {
        #expect(try Self.rows("a,\"line 1\nline 2\",\"say \"\"hi\"\"\"\n") == [["a", "line 1\nline 2", "say \"hi\""]])
    }

    @Test func crlfLfAndCrLineEndings() throws {
        #expect(try Self.rows("a,b\r\n1,2\n3,4\r5,6") == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func raggedRowsKeepTheirLengths() throws {
        #expect(
            try Self.rows("a,b,c\n1\n1,2,3,4\n,,\n") == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"], ["", "", ""]])
    }

    @Test func blankLinesAreEmptyRecords() throws {
        #expect(try Self.rows("a\n\nb\n") == [["a"], [], ["b"]])
    }

    @Test func quoteInsideAnUnquotedFieldIsLiteral() throws {
        #expect(try Self.rows("5\" pipe,x\n") == [["5\" pipe", "x"]])
    }

    @Test func lineNumbersCountNewlinesInsideQuotes() throws {
        let records = try Self.read(Array("h\n\"a\nb\"\nlast\n".utf8)).1
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func unclosedQuoteNamesTheLineItOpensOn() throws {
        #expect {
            try Self.rows("a,b\n1,\"never closed\n2,3\n")
        } throws: { error in
            let error = error as? SpreadsheetError
            return error?.location.line == 2 && error?.reason.contains("never closed") == true
        }
    }

    @Test func recordsLongerThanTheLimitAreRefused() throws {
        let options = CSVOptions(limits: CSVLimits(maxRecordBytes: 1 << 10))
        let bytes = Array("a\n\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        #expect(throws: SpreadsheetError.self) { try Self.read(bytes, options: options) }
    }

    @Test func recordsSpanningReadChunksAreWhole() throws {
        let long = String(repeating: "y", count: (1 << 20) + 17)
        let options = CSVOptions(limits: CSVLimits(maxFieldCharacters: 2 << 20))
        let rows = try Self.read(Array("a,\"\(long)\"\r\nb,c\r\n".utf8), options: options).1.map(\.fields)
        #expect(rows == [["a", long], ["b", "c"]])
    }

    /// A field longer than a spreadsheet cell holds (32,767 UTF-16 units, Excel's limit) is
    /// refused naming its line and column, quoted or not, before anything reads its text: a
    /// 50 MB number once took minutes to parse (tester5's `c_50MB_one_field`).
    @Test func fieldsLongerThanACellHoldsAreRefusedNamingLineAndColumn() throws {
        func refusal(_ text: String) -> String? {
            do {
                _ = try Self.rows(text)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let limit = String(repeating: "9", count: 32_767)
        #expect(refusal("id,amount,note\n1,\(limit),\"\(String(repeating: "é", count: 32_767))\"\n") == nil)
        #expect(
            refusal("id,amount\n1,2\n3,\(limit)9\n")?.hasSuffix(
                ".csv:3: field 2 (column B) holds more than 32767 characters, the most a spreadsheet cell holds")
                == true)
        let quoted = "\"" + String(repeating: "\n", count: 40_000) + "\""
        #expect(
            refusal("id,amount\n\(quoted),1\n")?.hasSuffix(
                ".csv:2: field 1 (column A) holds more than 32767 characters, the most a spreadsheet cell holds")
                == true)
        // Past the Basic Multilingual Plane a character is two UTF-16 units, as Excel counts.
        #expect(refusal("a\n\(String(repeating: "😀", count: 16_384))\n") != nil)
        #expect(refusal("a\n\(String(repeating: "😀", count: 16_383))\n") == nil)
    }
}
