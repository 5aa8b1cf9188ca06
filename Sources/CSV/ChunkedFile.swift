#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sequential reads of a file in fixed-size chunks, so memory stays flat whatever its size.
final class ChunkedFile {
    static let chunkSize = 1 << 20
    private let descriptor: Int32
    let path: String
    let size: Int64

    init(path: String) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .io("is a folder, not a file")
        }
        descriptor = fd
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws(CSVError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        guard n >= 0 else { throw .io(String(cString: strerror(errno))) }
        return Array(bytes[0..<n])
    }

    /// Calls `body` with each chunk from `offset` to the end; `body` returns false to stop early.
    func forEachChunk(from offset: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        var position = off_t(offset)
        while true {
            let n = pread(descriptor, buffer.baseAddress, Self.chunkSize, position)
            if n < 0 {
                if errno == EINTR { continue }
                throw CSVError.io(String(cString: strerror(errno)))
            }
            if n == 0 { return }
            position += off_t(n)
            guard try body(UnsafeBufferPointer(rebasing: buffer[0..<n])) else { return }
        }
    }
}
