/// A ZIP archive opened for reading: the central directory, parsed and checked.
///
/// Opening reads only the directory and each entry's local header; parts are inflated on demand by
/// `read(_:into:)`, which verifies the CRC-32 and enforces `ZipLimits` on the bytes actually
/// produced. Part lookup is case-insensitive, as OPC requires. Not thread-safe: one owner at a time.
public final class ZipArchive {
    /// The entries in central-directory order, without folders and `__MACOSX/` noise.
    public let entries: [ZipEntry]
    public let limits: ZipLimits
    let file: FileReader
    private let byNormalizedName: [String: Int]
    /// Inflated bytes produced so far across all parts, for `ZipLimits.maxTotalSize`.
    var inflatedTotal: Int64 = 0

    /// Opens the archive at `path` and validates its directory.
    ///
    /// Throws `ZipError.legacyExcelWorkbook` or `.encryptedWorkbook` for OLE2 compound files,
    /// `.notAZip` for anything else that is not an archive, and the structural errors for damaged,
    /// duplicated or overlapping entries.
    public init(path: String, limits: ZipLimits = .standard) throws(ZipError) {
        self.limits = limits
        file = try FileReader(path: path)
        guard file.size > 0 else { throw .emptyFile }
        let magic = try file.bytes(at: 0, count: Int(min(8, file.size)), what: "the file signature")
        if magic.count == 8, magic == CompoundFile.signature {
            throw CompoundFile.isEncryptedPackage(file) ? .encryptedWorkbook : .legacyExcelWorkbook
        }
        guard magic.count >= 4, magic[0] == 0x50, magic[1] == 0x4B else { throw .notAZip }
        let directory = try CentralDirectory.locate(in: file)
        guard directory.entryCount <= limits.maxEntryCount else {
            throw .tooManyEntries(directory.entryCount, limit: limits.maxEntryCount)
        }
        var parsed = try directory.readEntries(from: file)
        try Self.resolveDataOffsets(&parsed, file: file, directoryOffset: directory.offset)
        var index: [String: Int] = [:]
        for (position, entry) in parsed.enumerated() {
            if let earlier = index[entry.normalizedName] {
                throw .duplicateName(parsed[earlier].name, entry.name)
            }
            index[entry.normalizedName] = position
        }
        entries = parsed
        byNormalizedName = index
    }

    /// The entry named `name`, compared the OPC way (case-insensitive, `\` as `/`, no leading `/`).
    public func entry(named name: String) -> ZipEntry? {
        byNormalizedName[ZipEntry.normalize(name)].map { entries[$0] }
    }

    /// Reads each local header to find where data starts, and refuses entries whose bytes overlap.
    private static func resolveDataOffsets(
        _ entries: inout [ZipEntry], file: FileReader, directoryOffset: Int64
    ) throws(ZipError) {
        for i in entries.indices {
            let header = try file.bytes(
                at: entries[i].localHeaderOffset, count: 30, what: "the local header of '\(entries[i].name)'")
            guard header.uint32(at: 0) == 0x0403_4B50 else {
                throw .corrupt("the local header of '\(entries[i].name)' is missing")
            }
            let start =
                entries[i].localHeaderOffset + 30 + Int64(header.uint16(at: 26)) + Int64(header.uint16(at: 28))
            // The sizes are the archive's own words (ZIP64: up to 2^64 − 1, negative as read):
            // compared without adding, which a size near 2^63 would overflow.
            guard entries[i].compressedSize >= 0, entries[i].uncompressedSize >= 0, start <= directoryOffset,
                entries[i].compressedSize <= directoryOffset - start
            else {
                throw .truncated("the data of '\(entries[i].name)' runs past the central directory")
            }
            entries[i].dataOffset = start
        }
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (a, b) in zip(ordered, ordered.dropFirst())
        where a.dataOffset + a.compressedSize > b.localHeaderOffset {
            throw .overlappingEntries(a.name, b.name)
        }
    }
}

extension [UInt8] {
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }
    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
    func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}
