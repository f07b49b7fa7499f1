/// Orders strings the way JavaScript's `String.prototype.localeCompare` does in CDK (ICU root collation)
/// for the characters construct paths hold, so that `DependsOn` lists come out in CDK's order.
///
/// At the first level, punctuation and symbols sort before digits, digits before letters, and letters
/// ignore case; ties are broken with lowercase before uppercase.
enum LocaleCompare {
    /// Whether `lhs` sorts before `rhs`.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.unicodeScalars.map(primaryWeight), right = rhs.unicodeScalars.map(primaryWeight)
        if left != right { return left.lexicographicallyPrecedes(right) }
        let leftCase = lhs.unicodeScalars.map(caseWeight), rightCase = rhs.unicodeScalars.map(caseWeight)
        if leftCase != rightCase { return leftCase.lexicographicallyPrecedes(rightCase) }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    /// ASCII punctuation and symbols in ICU root order.
    private static let punctuationOrder = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    private static func primaryWeight(_ scalar: Unicode.Scalar) -> UInt32 {
        if let index = punctuationOrder.firstIndex(of: scalar) { return 0x100 + UInt32(index) }
        switch scalar {
        case "0"..."9": return 0x200 + scalar.value
        case "A"..."Z": return 0x300 + scalar.value + 32
        case "a"..."z": return 0x300 + scalar.value
        default: return 0x1000 + scalar.value
        }
    }

    private static func caseWeight(_ scalar: Unicode.Scalar) -> UInt32 {
        ("A"..."Z").contains(scalar) ? 1 : 0
    }
}
