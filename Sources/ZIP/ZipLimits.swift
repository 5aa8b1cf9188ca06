/// Bounds that keep a hostile archive from exhausting memory, disk or time.
///
/// Declared sizes in ZIP headers lie, so every limit is enforced on the bytes actually inflated.
/// The defaults fit real workbooks (a 1,048,576-row sheet inflates to a few hundred megabytes);
/// a caller with larger files raises them.
public struct ZipLimits: Sendable, Hashable {
    /// The most entries the central directory may list.
    ///
    /// Excel writes a few parts per sheet (the sheet, its relationships, notes and their drawing,
    /// tables): a tab-per-rep workbook of 200 tabs with notes on each has about 1,000. The largest
    /// real workbook of the conformance corpus has 188. Past 2,000 a package is refused: each
    /// entry costs a directory record and a name to compare, and a ZIP may list millions.
    public var maxEntryCount: Int
    /// The most bytes one part may inflate to.
    public var maxPartSize: Int64
    /// The most bytes all parts read from one archive may inflate to, together.
    public var maxTotalSize: Int64
    /// The highest inflated-to-compressed ratio a part may reach once past `ratioGraceSize`.
    public var maxExpansionRatio: Int64
    /// Inflated bytes a part may produce before the expansion ratio is checked.
    public var ratioGraceSize: Int64

    public init(
        maxEntryCount: Int = 2_000,
        maxPartSize: Int64 = 4 << 30,
        maxTotalSize: Int64 = 16 << 30,
        maxExpansionRatio: Int64 = 200,
        ratioGraceSize: Int64 = 1 << 20
    ) {
        self.maxEntryCount = maxEntryCount
        self.maxPartSize = maxPartSize
        self.maxTotalSize = maxTotalSize
        self.maxExpansionRatio = maxExpansionRatio
        self.ratioGraceSize = ratioGraceSize
    }

    /// The limits used unless a caller says otherwise.
    public static let standard = ZipLimits()
}
