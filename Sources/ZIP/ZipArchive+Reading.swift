extension ZipArchive {
    /// Size of the compressed chunks read from disk.
    static let chunkSize = 256 << 10
    /// Size of the inflated chunks handed out: under the 256 KiB from which the reconciler has
    /// glibc map each block from the system (`LargeAllocations`), so that a copy of one (the
    /// pipelined read's) comes from the heap and its pages are used again by the next, not
    /// mapped fresh and faulted in for each of a sheet's thousand chunks.
    static let inflatedChunkSize = 128 << 10
    /// Size of a part's first inflated chunk; each next one is twice the one before, up to
    /// `inflatedChunkSize`. A reader that wants only a sheet's first rows (its header) stops
    /// after a few kilobytes instead of inflating a whole chunk it throws away.
    static let firstInflatedChunkSize = 16 << 10

    /// Streams the inflated bytes of `entry` to `consume`, chunk by chunk, in constant memory.
    ///
    /// Every byte is counted against `limits` (per part, per archive, and the expansion ratio) and
    /// against the size the directory declares; the CRC-32 is checked at the end. The chunks are
    /// only valid during the call. An error thrown by `consume` stops the read and propagates.
    public func read(
        _ entry: ZipEntry, into consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard entry.flags & 1 == 0 else { throw ZipError.encryptedEntry(entry.name) }
        var meter = Meter(entry: entry, limits: limits, archiveTotal: inflatedTotal)
        defer { inflatedTotal = meter.archiveTotal }
        switch entry.method {
        case 0: try readStored(entry, meter: &meter, consume: consume)
        case 8: try readDeflated(entry, meter: &meter, consume: consume)
        default: throw ZipError.unsupportedMethod(entry.name, method: entry.method)
        }
        guard meter.produced == entry.uncompressedSize else {
            throw ZipError.corruptData(
                entry.name,
                "it inflates to \(meter.produced) bytes, not the \(entry.uncompressedSize) its header declares")
        }
        guard meter.crc == entry.crc32 else { throw ZipError.crcMismatch(entry.name) }
    }

    /// The damage of `entry`'s bytes, when they are damaged (`ZipError.isDamage`): the part
    /// inflated to its end only to check its deflate stream, its declared size and its CRC-32,
    /// within its limits (nil when one stops the check first). Nothing is counted towards the
    /// archive's total (the part was counted when it was read).
    public func damage(of entry: ZipEntry) -> ZipError? {
        let total = inflatedTotal
        defer { inflatedTotal = total }
        do {
            try read(entry) { _ in }
            return nil
        } catch let error as ZipError {
            return error.isDamage ? error : nil
        } catch {
            return nil
        }
    }

    /// The whole inflated part, for small parts (relationships, workbook, styles).
    public func data(of entry: ZipEntry) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(entry) { bytes.append(contentsOf: $0) }
        return bytes
    }

    private func readStored(
        _ entry: ZipEntry, meter: inout Meter, consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while offset < entry.compressedSize {
            let want = Int(min(Int64(Self.chunkSize), entry.compressedSize - offset))
            let got = try file.read(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: entry.dataOffset + offset)
            guard got == want else { throw ZipError.truncated("part '\(entry.name)' is cut short") }
            offset += Int64(got)
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
            try meter.count(chunk, compressedSoFar: offset)
            try consume(chunk)
        }
    }

    private func readDeflated(
        _ entry: ZipEntry, meter: inout Meter, consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let inflater = try Inflater()
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.inflatedChunkSize, alignment: 16)
        defer {
            input.deallocate()
            output.deallocate()
        }
        var readOffset: Int64 = 0
        var pending = UnsafeRawBufferPointer(rebasing: input[0..<0])
        var outputSize = Self.firstInflatedChunkSize
        while true {
            if pending.isEmpty {
                guard readOffset < entry.compressedSize else {
                    throw ZipError.corruptData(entry.name, "its deflate stream ends before its last block")
                }
                let want = Int(min(Int64(Self.chunkSize), entry.compressedSize - readOffset))
                let got = try file.read(
                    into: UnsafeMutableRawBufferPointer(rebasing: input[0..<want]), at: entry.dataOffset + readOffset)
                guard got == want else { throw ZipError.truncated("part '\(entry.name)' is cut short") }
                readOffset += Int64(got)
                pending = UnsafeRawBufferPointer(rebasing: input[0..<got])
            }
            let (step, consumed, produced) = try inflater.inflate(
                input: pending, output: UnsafeMutableRawBufferPointer(rebasing: output[0..<outputSize]),
                part: entry.name)
            pending = UnsafeRawBufferPointer(rebasing: pending[consumed...])
            if produced > 0 {
                outputSize = min(2 * outputSize, output.count)
                let chunk = UnsafeRawBufferPointer(rebasing: output[0..<produced])
                try meter.count(chunk, compressedSoFar: readOffset - Int64(pending.count))
                try consume(chunk)
            }
            if step == .finished { return }
            if step == .needsInput && consumed == 0 && produced == 0 && !pending.isEmpty {
                throw ZipError.corruptData(entry.name, "its deflate stream makes no progress")
            }
        }
    }
}

/// Counts one part's inflated bytes against the limits and accumulates its CRC-32.
struct Meter {
    let entry: ZipEntry
    let limits: ZipLimits
    var archiveTotal: Int64
    var produced: Int64 = 0
    var crc: UInt32 = 0

    init(entry: ZipEntry, limits: ZipLimits, archiveTotal: Int64) {
        self.entry = entry
        self.limits = limits
        self.archiveTotal = archiveTotal
    }

    mutating func count(_ chunk: UnsafeRawBufferPointer, compressedSoFar: Int64) throws(ZipError) {
        produced += Int64(chunk.count)
        archiveTotal += Int64(chunk.count)
        if produced > entry.uncompressedSize {
            throw .corruptData(
                entry.name, "it inflates to more than the \(entry.uncompressedSize) bytes its header declares")
        }
        if produced > limits.maxPartSize { throw .partTooLarge(entry.name, limit: limits.maxPartSize) }
        if archiveTotal > limits.maxTotalSize { throw .archiveTooLarge(limit: limits.maxTotalSize) }
        if produced > limits.ratioGraceSize && produced > limits.maxExpansionRatio * max(compressedSoFar, 1) {
            throw .expansionRatio(entry.name, limit: limits.maxExpansionRatio)
        }
        crc = updateCRC32(crc, chunk)
    }
}
