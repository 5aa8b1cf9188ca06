/// The value bytes of a batch of raw cells: appended to on the parsing thread, read on the thread
/// that takes the batch.
///
/// `ScratchBytes` in a class: an `Array`'s `append(contentsOf:)` (a generic call that checks
/// uniqueness and capacity) cost about a hundred instructions per cell on the parse thread, and a
/// class lets a batch's `RawRows` move to the other thread without copying its bytes.
final class CellBytes: @unchecked Sendable {
    // @unchecked: one thread at a time touches a store. The parsing thread fills one and hands it
    // over with its batch (`SheetParseJob`), then fills a new one; it never touches the old again.
    // So the run-time exclusivity checks (a call per append) are off, as in the parsers.
    @exclusivity(unchecked) private var scratch: ScratchBytes

    init(capacity: Int = 256) {
        scratch = ScratchBytes(capacity: max(capacity, 16))
    }

    var count: Int { scratch.count }

    /// The bytes stored, valid while this store lives and is not appended to.
    var buffer: UnsafeBufferPointer<UInt8> { scratch.bytes }

    /// The bytes in `range` (within `0..<count`), valid while this store lives and is not appended to.
    @inline(__always)
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: scratch.bytes[range])
    }

    @inline(__always)
    func append(_ more: UnsafeBufferPointer<UInt8>) { scratch.append(more) }

    func removeAll() { scratch.removeAll() }
}
