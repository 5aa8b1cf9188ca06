import FileAccess

/// Sequential reads of a file in fixed-size chunks, so memory stays flat whatever its size.
final class ChunkedFile {
    static let chunkSize = 1 << 20
    private let file: ReadableFile
    var path: String { file.path }
    var size: Int64 { file.size }

    init(path: String) throws(CSVError) {
        do throws(ReadableFile.Failure) { file = try ReadableFile(path: path) } catch { throw .io(error.reason) }
    }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws(CSVError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        defer { buffer.deallocate() }
        let done = try read(at: 0, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        return [UInt8](buffer[0..<done])
    }

    private func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        do throws(ReadableFile.Failure) { return try file.read(into: buffer, at: offset) } catch {
            throw .io(error.reason)
        }
    }

    /// Calls `body` with each chunk from `offset` to the end; `body` returns false to stop early.
    /// An interrupted read is retried.
    func forEachChunk(from offset: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = Int64(offset)
        while true {
            let n = try read(at: position, into: buffer)
            if n == 0 { return }
            position += Int64(n)
            guard
                try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            else { return }
        }
    }
}
