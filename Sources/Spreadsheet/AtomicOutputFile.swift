import Foundation

/// A file written atomically: bytes go to a temporary file beside the destination, which is
/// renamed into place by `commit()`. Without a commit (an error, a crash) the destination is
/// untouched and the temporary file is removed.
public final class AtomicOutputFile {
    public let path: String
    /// Where the bytes go until `commit()`; writers that need a `FileHandle` use `handle`.
    public let temporaryPath: String
    private let stream: UnsafeMutablePointer<FILE>
    private var committed = false

    /// Refuses a folder, and any path that is one of `inputs` (the same file, by device and inode).
    public init(path: String, inputs: [String]) throws(SpreadsheetError) {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw SpreadsheetError(Location(file: path), "is a folder; give a file name for the output")
            }
            if inputs.contains(where: { Self.sameFile($0, path) }) {
                throw SpreadsheetError(Location(file: path), "is an input of this command; refusing to overwrite it")
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".trueup-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SpreadsheetError(Location(file: path), "cannot write here (\(String(cString: strerror(errno))))")
        }
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let opened = fdopen(descriptor, "wb") else {
            close(descriptor)
            throw SpreadsheetError(Location(file: path), "cannot write here")
        }
        setvbuf(opened, nil, _IOFBF, 1 << 20)
        stream = opened
    }

    deinit {
        if !committed {
            fclose(stream)
            unlink(temporaryPath)
        }
    }

    /// A handle on the temporary file for writers that seek (the ZIP writer patches headers).
    /// Use either `handle` or `write`, not both.
    public lazy var handle: FileHandle = FileHandle(fileDescriptor: fileno(stream), closeOnDealloc: false)

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(SpreadsheetError) {
        guard fflush(stream) == 0, ferror(stream) == 0, fsync(fileno(stream)) == 0 else {
            throw SpreadsheetError(Location(file: path), "write failed (\(String(cString: strerror(errno))))")
        }
        fchmod(fileno(stream), 0o644)
        fclose(stream)
        committed = true
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw SpreadsheetError(
                Location(file: path), "cannot rename into place (\(String(cString: strerror(errno))))")
        }
    }

    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
