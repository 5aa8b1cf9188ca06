import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file opened for positioned reads (swift-system's `FileDescriptor`): refused when it is a
/// folder, its size read once; the descriptor closes with the value. The readers of ZIP archives
/// and CSV files both open files through it.
public final class ReadableFile {
    /// Why a file could not be opened or read, in words for a diagnostic line.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    private let descriptor: FileDescriptor
    public let path: String
    public let size: Int64

    public init(path: String) throws(Failure) {
        self.path = path
        try Self.requireRegularFile(path)
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw Failure(reason: "\(error)")
        }
        do {
            let status = try descriptor.stat()
            guard status.type != .directory else {
                try? descriptor.close()
                throw Failure(reason: "is a folder, not a file")
            }
            size = status.size
        } catch let failure as Failure {
            throw failure
        } catch {
            try? descriptor.close()
            throw Failure(reason: "\(error)")
        }
    }

    deinit { try? descriptor.close() }

    /// Refuses a path that is not a regular file once links are followed (a pipe, a device such as
    /// `/dev/zero`, a socket), before it is opened: opening a pipe no one writes waits forever, and
    /// a device never ends. A path that does not exist is left for the open to report.
    public static func requireRegularFile(_ path: String) throws(Failure) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Failure(reason: "is a folder, not a file")
        default: throw Failure(reason: "is not a regular file (a pipe, a device or a socket): trueup reads files")
        }
    }

    /// Fills `buffer` from `offset` (retrying an interrupted read), stopping early only at the end
    /// of the file; returns how many bytes were read.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(Failure) -> Int {
        do {
            return try descriptor.readAll(into: buffer, at: offset)
        } catch {
            throw Failure(reason: "\(error)")
        }
    }
}

extension FileDescriptor {
    /// Fills `buffer` from `offset` (retrying an interrupted read), stopping early only at the end
    /// of the file; returns how many bytes were read.
    func readAll(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        var done = 0
        while done < buffer.count {
            let n = try read(
                fromAbsoluteOffset: offset + Int64(done),
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]), retryOnInterrupt: true)
            if n == 0 { break }
            done += n
        }
        return done
    }
}
