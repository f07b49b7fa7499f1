#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether the text starts with `prefix`, compared byte for byte (`hasPrefix` compares as Unicode text,
    /// about ten times the work): for ASCII prefixes such as `Fn::`.
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var bytes = utf8.makeIterator()
        return needle.allSatisfy { bytes.next() == $0 }
    }

    /// Whether the text holds `marker`, compared byte for byte: for ASCII markers such as `{{resolve:`, where
    /// Unicode equivalence does not matter. Foundation's `contains` goes through `NSString` and costs about
    /// 10,000 instructions a call; this finds the marker's first byte with `memchr` and compares the rest.
    func containsASCII(_ marker: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let first = needle.first, let needleBase = needle.baseAddress else { return true }
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
            let last = bytes.count - needle.count
            var start = 0
            while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + offset, needleBase, needle.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
        // A native string's bytes are read in place; `withUTF8` needs a mutable copy (a reference-count update).
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        var text = self
        return text.withUTF8(search)
    }
}
