import Crypto
import Foundation

/// SHA-256 digests as lowercase hex, of text and of files (read in blocks, so a large deals
/// file is never held whole).
public enum Digest {
    public static func sha256(_ text: String) -> String { HashChain.hex(SHA256.hash(data: Data(text.utf8))) }

    /// The digest of a file's bytes.
    public static func sha256(file path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError("\(path): cannot be read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
        return HashChain.hex(hasher.finalize())
    }
}
