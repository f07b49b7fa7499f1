extension String {
    /// Whether this string's UTF-8 ends with all of `suffix`'s, byte for byte: JavaScript's `endsWith`, which
    /// CDK's logical IDs and generated names use (Swift's `hasSuffix` compares characters, so a suffix that
    /// starts with a combining mark never matches).
    func endsWithCodeUnits(of suffix: String) -> Bool {
        var text = self, suffix = suffix
        return text.withUTF8 { text in
            suffix.withUTF8 { suffix in
                text.count >= suffix.count && text[(text.count - suffix.count)...].elementsEqual(suffix)
            }
        }
    }
}
