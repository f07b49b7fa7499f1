import FormworkCore

/// Text with references in it, built piece by piece and written as CDK writes such text: one `Fn::Join` of
/// the literal runs and the references (plain text when there is no reference).
struct JoinedText {
    private var parts: [Value] = []
    private var pending = ""

    /// Appends literal text.
    mutating func text(_ text: String) { pending += text }

    /// Appends a reference (or any value that is not plain text).
    mutating func reference(_ value: Value) {
        if case .string(let text) = value {
            pending += text
            return
        }
        if !pending.isEmpty { parts.append(.string(pending)) }
        pending = ""
        parts.append(value)
    }

    /// The text, joined.
    var value: Value {
        var all = parts
        if !pending.isEmpty { all.append(.string(pending)) }
        if all.isEmpty { return "" }
        if all.count == 1, case .string = all[0] { return all[0] }
        return .intrinsic("Fn::Join", ["", .array(all)])
    }
}
