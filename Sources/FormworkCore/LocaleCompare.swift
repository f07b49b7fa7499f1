/// Orders strings the way JavaScript's `String.prototype.localeCompare` does in CDK (ICU root collation)
/// for the characters construct paths hold, so that `DependsOn` lists come out in CDK's order.
///
/// At the first level, punctuation and symbols sort before digits, digits before letters, and letters
/// ignore case; ties are broken with lowercase before uppercase.
enum LocaleCompare {
    /// Whether `lhs` sorts before `rhs`.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        if let order = order(lhs, rhs, by: primaryWeight) { return order }
        if let order = order(lhs, rhs, by: caseWeight) { return order }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    /// Whether `lhs` comes first when both are compared scalar by scalar through `weight`; `nil` when they
    /// weigh the same throughout.
    private static func order(_ lhs: String, _ rhs: String, by weight: (Unicode.Scalar) -> UInt32) -> Bool? {
        var left = lhs.unicodeScalars.makeIterator(), right = rhs.unicodeScalars.makeIterator()
        while true {
            switch (left.next().map(weight), right.next().map(weight)) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case let (leftWeight?, rightWeight?) where leftWeight != rightWeight: return leftWeight < rightWeight
            default: continue
            }
        }
    }

    /// ASCII punctuation and symbols in ICU root order.
    private static let punctuationOrder = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    /// The primary weight of each ASCII scalar, computed once.
    private static let asciiWeights: [UInt32] = (0..<128).map { asciiPrimaryWeight(Unicode.Scalar(UInt8($0))) }

    private static func primaryWeight(_ scalar: Unicode.Scalar) -> UInt32 {
        scalar.isASCII ? asciiWeights[Int(scalar.value)] : 0x1000 + scalar.value
    }

    private static func asciiPrimaryWeight(_ scalar: Unicode.Scalar) -> UInt32 {
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
