/// One file in an archive, as its central directory record describes it.
public struct ZipEntry: Sendable, Hashable {
    /// The name exactly as stored.
    public let name: String
    /// The lookup key: lowercase, `\` turned to `/`, no leading `/`.
    public let normalizedName: String
    /// 0 stored, 8 deflate.
    public let method: UInt16
    /// General-purpose flags; bit 0 means encrypted.
    public let flags: UInt16
    public let crc32: UInt32
    public let compressedSize: Int64
    /// The inflated size the archive declares; checked, never trusted.
    public let uncompressedSize: Int64
    /// Where the local file header starts.
    public let localHeaderOffset: Int64
    /// Where the compressed bytes start, found from the local header when the archive is opened.
    public internal(set) var dataOffset: Int64 = 0

    /// Folds a part name the way OPC compares them (ECMA-376 Part 2: case-insensitive).
    public static func normalize(_ name: String) -> String {
        var folded = name.replacingAll("\\", with: "/").lowercased()
        while folded.hasPrefix("/") { folded.removeFirst() }
        return folded
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
