import Foundation
import SystemPackage

/// Records of one fixed size, appended to an unnamed temporary file and then read back by their
/// position, in any order, from any thread: a column of values too large to hold in memory that
/// the caller still reads as an array.
///
/// Appends are gathered in a buffer of `blockRecords` records and written a block at a time;
/// reads go through a few blocks read back and kept (the last ones read), so a pass over the
/// records in order reads each block once. Memory is those few blocks, whatever the count: the
/// records live in the file (the kernel's page cache, not the process). The file is unlinked as
/// soon as it is created (`ByteSpool`'s temporary folder), so nothing is left behind.
///
/// A read can fail only if the file written a moment before cannot be read back (a disk that
/// fails under the process): that stops the process with the reason, as running out of memory
/// would, since a value read by position has no error to give.
public final class RecordFile: @unchecked Sendable {
    public let recordSize: Int
    /// Records in a block: the unit written and read back.
    public let blockRecords: Int
    public private(set) var count = 0
    private var file: FileDescriptor?
    /// The block being filled by appends.
    private var pending: [UInt8] = []
    /// Blocks read back, by block number, and which to replace next; guarded by `lock`.
    private var cached: [(block: Int, bytes: [UInt8])] = []
    private var nextToReplace = 0
    private let cacheBlocks: Int
    private let lock = NSLock()

    /// `recordSize`: the bytes of every record; `blockRecords`: records read or written at once;
    /// `cacheBlocks`: blocks kept in memory for reads (more for callers that read several places
    /// in turn).
    public init(recordSize: Int, blockRecords: Int = 4096, cacheBlocks: Int = 4) {
        precondition(recordSize > 0 && blockRecords > 0 && cacheBlocks > 0)
        self.recordSize = recordSize
        self.blockRecords = blockRecords
        self.cacheBlocks = cacheBlocks
    }

    deinit { try? file?.close() }

    /// Appends one record, which `write` fills (its bytes are zero until written). Not to be
    /// called while others read.
    public func append(_ write: (UnsafeMutableRawBufferPointer) -> Void) throws(ByteSpool.Failure) {
        if pending.isEmpty { pending.reserveCapacity(recordSize * blockRecords) }
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: recordSize))
        pending.withUnsafeMutableBytes { bytes in
            write(UnsafeMutableRawBufferPointer(rebasing: bytes[start..<start + recordSize]))
        }
        count += 1
        if count % blockRecords == 0 { try writePending() }
    }

    /// Calls `body` with the bytes of record `index` (0-based, below `count`), under the lock
    /// that guards the blocks read back: `body` must not read this file again.
    public func withRecord<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        precondition(index >= 0 && index < count, "record \(index) of \(count)")
        let block = index / blockRecords
        let offset = (index % blockRecords) * recordSize
        lock.lock()
        defer { lock.unlock() }
        let bytes = blockBytes(block)
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + recordSize])) }
    }

    /// The bytes of `block`: the one being filled, one read back before, or read now.
    private func blockBytes(_ block: Int) -> [UInt8] {
        if block == count / blockRecords && count % blockRecords != 0 { return pending }
        if let hit = cached.first(where: { $0.block == block }) { return hit.bytes }
        let records = min(blockRecords, count - block * blockRecords)
        var bytes = [UInt8](repeating: 0, count: records * recordSize)
        do {
            guard let file else { throw ByteSpool.Failure(reason: "it was never written") }
            let read = try bytes.withUnsafeMutableBytes {
                try file.readAll(into: $0, at: Int64(block) * Int64(blockRecords * recordSize))
            }
            guard read == bytes.count else { throw ByteSpool.Failure(reason: "it is shorter than what was written") }
        } catch {
            fatalError("trueup: the temporary file of rows set aside could not be read back: \(error)")
        }
        if cached.count < cacheBlocks {
            cached.append((block, bytes))
        } else {
            cached[nextToReplace] = (block, bytes)
            nextToReplace = (nextToReplace + 1) % cacheBlocks
        }
        return bytes
    }

    /// Writes the full block of appends to the file, creating it the first time.
    private func writePending() throws(ByteSpool.Failure) {
        let at = Int64(count - pending.count / recordSize) * Int64(recordSize)
        _ = try ByteSpool.write(pending, to: &file, at: at)
        pending.removeAll(keepingCapacity: true)
    }
}
