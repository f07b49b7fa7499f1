import FormworkTemplate

/// API Gateway access log formats: whether one writes JSON.
enum AccessLogFormat {
    /// Whether `format` is a JSON object once its `$context.…` variables are filled in (they may stand
    /// unquoted for numbers, as serverless-rules allows).
    static func isJSON(_ format: String) -> Bool {
        var text = String(format.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" {
            text = String(text.dropFirst().dropLast())
        }
        let filled = replacingContextVariables(in: text)
        guard case .object? = try? JSONReader.parse(filled) else { return false }
        return true
    }

    /// `text` with every `$context.name.path` written as `0`.
    private static func replacingContextVariables(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "$context.") {
            result += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isLetter || rest[end] == "." { end = rest.index(after: end) }
            result += "0"
            rest = rest[end...]
        }
        return result + rest
    }
}
