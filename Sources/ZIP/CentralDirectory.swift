/// Where the central directory is and how many entries it holds, from the end records.
struct CentralDirectory {
    let offset: Int64
    let size: Int64
    let entryCount: Int

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50

    /// Finds the end-of-central-directory record (and its ZIP64 form when the fields overflow).
    static func locate(in file: FileReader) throws(ZipError) -> CentralDirectory {
        let tailLength = Int(min(file.size, 22 + 65_535))
        let tailStart = file.size - Int64(tailLength)
        let tail = try file.bytes(at: tailStart, count: tailLength, what: "the end of the archive")
        var position = tailLength - 22
        while position >= 0 && tail.uint32(at: position) != endSignature { position -= 1 }
        guard position >= 0 else {
            throw .truncated("no end-of-central-directory record (the file was cut short or is not a ZIP)")
        }
        var count = Int64(tail.uint16(at: position + 10))
        var size = Int64(tail.uint32(at: position + 12))
        var offset = Int64(tail.uint32(at: position + 16))
        let endOffset = tailStart + Int64(position)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, endOffset >= 20 {
            let locator = try file.bytes(at: endOffset - 20, count: 20, what: "the ZIP64 locator")
            if locator.uint32(at: 0) == zip64LocatorSignature {
                let recordOffset = Int64(bitPattern: locator.uint64(at: 8))
                let record = try file.bytes(at: recordOffset, count: 56, what: "the ZIP64 end record")
                guard record.uint32(at: 0) == zip64EndSignature else {
                    throw .corrupt("the ZIP64 end record is missing")
                }
                count = Int64(bitPattern: record.uint64(at: 32))
                size = Int64(bitPattern: record.uint64(at: 40))
                offset = Int64(bitPattern: record.uint64(at: 48))
            }
        }
        // Compared without adding: a ZIP64 size or offset near 2^63 would overflow the sum.
        guard count >= 0, size >= 0, offset >= 0, offset <= file.size, size <= file.size - offset else {
            throw .truncated("the central directory lies past the end of the file")
        }
        return CentralDirectory(offset: offset, size: size, entryCount: Int(clamping: count))
    }

    /// Parses every central-directory record, dropping folders and `__MACOSX/` noise.
    func readEntries(from file: FileReader) throws(ZipError) -> [ZipEntry] {
        let bytes = try file.bytes(at: offset, count: Int(size), what: "the central directory")
        var entries: [ZipEntry] = []
        var position = 0
        for _ in 0..<entryCount {
            guard position + 46 <= bytes.count, bytes.uint32(at: position) == 0x0201_4B50 else {
                throw .corrupt("the central directory has fewer records than it declares")
            }
            let nameLength = Int(bytes.uint16(at: position + 28))
            let extraLength = Int(bytes.uint16(at: position + 30))
            let commentLength = Int(bytes.uint16(at: position + 32))
            let end = position + 46 + nameLength + extraLength + commentLength
            guard end <= bytes.count else { throw .corrupt("a central directory record is cut short") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            var compressed = Int64(bytes.uint32(at: position + 20))
            var uncompressed = Int64(bytes.uint32(at: position + 24))
            var localOffset = Int64(bytes.uint32(at: position + 42))
            Self.applyZip64Extra(
                bytes[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)],
                uncompressed: &uncompressed, compressed: &compressed, localOffset: &localOffset)
            let isNoise = name.hasSuffix("/") || name.hasPrefix("__MACOSX/")
            if !isNoise {
                entries.append(
                    ZipEntry(
                        name: name, normalizedName: ZipEntry.normalize(name),
                        method: bytes.uint16(at: position + 10), flags: bytes.uint16(at: position + 8),
                        crc32: bytes.uint32(at: position + 16), compressedSize: compressed,
                        uncompressedSize: uncompressed, localHeaderOffset: localOffset))
            }
            position = end
        }
        return entries
    }

    /// Replaces the 32-bit fields that overflowed with the ZIP64 extended-information values.
    private static func applyZip64Extra(
        _ extra: ArraySlice<UInt8>, uncompressed: inout Int64, compressed: inout Int64, localOffset: inout Int64
    ) {
        let extra = Array(extra)
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.uint16(at: position)
            let length = Int(extra.uint16(at: position + 2))
            let body = position + 4
            guard body + length <= extra.count else { return }
            if id == 0x0001 {
                var field = body
                func next() -> Int64? {
                    guard field + 8 <= body + length else { return nil }
                    defer { field += 8 }
                    return Int64(bitPattern: extra.uint64(at: field))
                }
                if uncompressed == 0xFFFF_FFFF, let value = next() { uncompressed = value }
                if compressed == 0xFFFF_FFFF, let value = next() { compressed = value }
                if localOffset == 0xFFFF_FFFF, let value = next() { localOffset = value }
                return
            }
            position = body + length
        }
    }
}
