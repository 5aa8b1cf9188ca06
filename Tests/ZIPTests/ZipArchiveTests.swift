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
