extension String {
    /// The rows of a generated table (`field|field|...` lines), each split into its fields, read as bytes:
    /// splitting by `Character` decodes every grapheme cluster, about 60 instructions a byte, which the tables
    /// read at start-up paid several times over. Empty lines are skipped; empty fields are kept.
    func tableRows() -> [[Substring]] {
        utf8.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { Substring($0) }
        }
    }
}
