import Foundation
import TestSupport
import Testing
import ZIP

@Suite struct ZipArchiveTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("XLSXTests/Fixtures")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test func partNamesAreFoundIgnoringCaseAndSeparators() throws {
        let archive = try ZipArchive(path: Self.path("minimal.xlsx"))
        #expect(archive.entry(named: "/XL\\Worksheets\\SHEET1.xml")?.name == "xl/worksheets/sheet1.xml")
    }

    @Test func everyPartInflatesWithAMatchingCRC() throws {
        let archive = try ZipArchive(path: Self.path("cell_types.xlsx"))
        for entry in archive.entries {
            #expect(try archive.data(of: entry).count == Int(entry.uncompressedSize))
        }
    }

    @Test func zip64ExtraFieldsAreRead() throws {
        let archive = try ZipArchive(path: Self.path("zip64_stored.xlsx"))
        #expect(archive.entries.contains { $0.name == "xl/worksheets/sheet1.xml" && $0.method == 0 })
    }

    @Test func totalInflatedBytesAreCapped() throws {
        let archive = try ZipArchive(path: Self.path("cell_types.xlsx"), limits: ZipLimits(maxTotalSize: 600))
        #expect(throws: ZipError.archiveTooLarge(limit: 600)) {
            for entry in archive.entries { _ = try archive.data(of: entry) }
        }
    }

    @Test func entryCountIsCapped() throws {
        #expect(throws: ZipError.tooManyEntries(5, limit: 3)) {
            try ZipArchive(path: Self.path("minimal.xlsx"), limits: ZipLimits(maxEntryCount: 3))
        }
    }

    /// formats.md: a package of more than about a thousand entries is refused. A tab-per-rep
    /// workbook of 200 tabs with notes has about 1,000; 2,000 read, 2,001 are refused.
    @Test func theDefaultEntryLimitIsTwoThousand() throws {
        func archive(entries: Int) throws -> String {
            let path = Scratch.folder.appendingPathComponent("entries-\(UUID().uuidString).zip").path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            let writer = ZipWriter(handle: handle)
            for number in 0..<entries { try writer.addPart("xl/worksheets/sheet\(number).xml", []) }
            try writer.finish()
            try handle.close()
            return path
        }
        #expect(try ZipArchive(path: archive(entries: 2_000)).entries.count == 2_000)
        let refused = try archive(entries: 2_001)
        #expect(throws: ZipError.tooManyEntries(2_001, limit: 2_000)) { try ZipArchive(path: refused) }
        #expect(
            ZipError.tooManyEntries(2_001, limit: 2_000).description
                == "the archive lists 2001 entries; a workbook may have at most 2000 (Excel writes a few parts per sheet)"
        )
    }

    @Test func legacyXLSAndEncryptedFilesAreNamed() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let xls = folder.appendingPathComponent("old.xls").path
        try Data(header + Array("W\0o\0r\0k\0b\0o\0o\0k\0".utf8)).write(to: URL(fileURLWithPath: xls))
        #expect(throws: ZipError.legacyExcelWorkbook) { try ZipArchive(path: xls) }
        let encrypted = folder.appendingPathComponent("locked.xlsx").path
        let name = "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(header + name).write(to: URL(fileURLWithPath: encrypted))
        #expect(throws: ZipError.encryptedWorkbook) { try ZipArchive(path: encrypted) }
        let text = folder.appendingPathComponent("notes.xlsx").path
        try Data("just text".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: ZipError.notAZip) { try ZipArchive(path: text) }
    }
}

/// ZIP64 sizes and offsets are the archive's own 64-bit words: near 2^63 (a sum with them would
/// overflow) or past it (negative as read), each is refused as a broken archive, never a trap.
@Suite struct Zip64OverflowTests {
    /// One stored part `a.txt` holding `hi`, its central directory reached through a ZIP64 end
    /// record, with `cdSize`, `cdOffset`, the locator's `recordOffset` and the entry's ZIP64
    /// `compressed` size as given (nil: the true one).
    static func archive(
        cdSize: UInt64? = nil, cdOffset: UInt64? = nil, recordOffset: UInt64? = nil, compressed: UInt64? = nil
    ) throws -> String {
        var bytes: [UInt8] = []
        func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        let name = Array("a.txt".utf8)
        let data = Array("hi".utf8)
        let crc: UInt32 = 0xD8932AAC
        // Local header, then the data.
        u32(0x0403_4B50); u16(45); u16(0); u16(0); u16(0); u16(0); u32(crc)
        u32(UInt32(data.count)); u32(UInt32(data.count)); u16(UInt16(name.count)); u16(0)
        bytes += name + data
        // The central directory: one entry whose compressed size is in a ZIP64 extra field.
        let directory = bytes.count
        u32(0x0201_4B50); u16(45); u16(45); u16(0); u16(0); u16(0); u16(0); u32(crc)
        u32(0xFFFF_FFFF); u32(UInt32(data.count)); u16(UInt16(name.count)); u16(12); u16(0); u16(0); u16(0)
        u32(0); u32(0)
        bytes += name
        u16(0x0001); u16(8); u64(compressed ?? UInt64(data.count))
        let directorySize = bytes.count - directory
        // The ZIP64 end record, its locator, and the end record that defers to them.
        let record = bytes.count
        u32(0x0606_4B50); u64(44); u16(45); u16(45); u32(0); u32(0); u64(1); u64(1)
        u64(cdSize ?? UInt64(directorySize)); u64(cdOffset ?? UInt64(directory))
        u32(0x0706_4B50); u32(0); u64(recordOffset ?? UInt64(record)); u32(1)
        u32(0x0605_4B50); u16(0); u16(0); u16(0xFFFF); u16(0xFFFF); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF); u16(0)
        let path = Scratch.folder.appendingPathComponent("zip64-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theHonestArchiveReads() throws {
        let archive = try ZipArchive(path: Self.archive())
        #expect(archive.entries.map(\.name) == ["a.txt"])
    }

    @Test(arguments: [UInt64(Int64.max), UInt64(Int64.max) - 100, UInt64(1) << 63, UInt64.max - 1])
    func aWordNearOrPastTwoToTheSixtyThirdIsRefused(word: UInt64) throws {
        for path in try [
            Self.archive(cdSize: word), Self.archive(cdOffset: word), Self.archive(recordOffset: word),
            Self.archive(compressed: word),
        ] {
            #expect(throws: ZipError.self) { _ = try ZipArchive(path: path) }
        }
    }
}
