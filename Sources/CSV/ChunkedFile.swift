import SystemPackage

/// Sequential reads of a file in fixed-size chunks, so memory stays flat whatever its size.
final class ChunkedFile {
    static let chunkSize = 1 << 20
    private let descriptor: FileDescriptor
    let path: String
    let size: Int64

    init(path: String) throws(CSVError) {
        self.path = path
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw .io("\(error)")
        }
        do {
            let status = try descriptor.stat()
            guard status.type != .directory else {
                try? descriptor.close()
                throw CSVError.io("is a folder, not a file")
            }
            size = status.size
        } catch let error as CSVError {
            throw error
        } catch {
            try? descriptor.close()
            throw .io("\(error)")
        }
    }

    deinit { try? descriptor.close() }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws(CSVError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let n = try read(at: Int64(done), into: UnsafeMutableRawBufferPointer(rebasing: buffer[done..<count]))
            if n == 0 { break }
            done += n
        }
        return [UInt8](buffer[0..<done])
    }

    /// One read at `offset` (an interrupted read is retried); 0 at the end of the file.
    private func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        do {
            return try descriptor.read(fromAbsoluteOffset: offset, into: buffer)
        } catch {
            throw .io("\(error)")
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
