import Foundation
import FormworkCore
import FormworkTemplate

/// Matches values against ``Match`` patterns: the semantics of CDK's `assertions` module, in one place.
struct MatchEvaluation {
    /// The logical ID of the resource a construct declared, for ``Match/reference(_:)``; `nil` for a template
    /// read from text, which knows no constructs.
    let references: ConstructReferences?

    /// The result of matching `actual` (`nil`: a missing key) against `pattern`, objects partial at the top.
    func result(of pattern: Match, against actual: JSONValue?, objects: Match.ObjectMode = .partial) -> MatchResult {
        var result = MatchResult(target: actual)
        evaluate(pattern, actual, objects: objects, at: [], into: &result)
        return result
    }

    private func evaluate(_ pattern: Match, _ actual: JSONValue?, objects: Match.ObjectMode, at path: [String], into result: inout MatchResult) {
        switch pattern.kind {
        case .absent:
            if let actual { result.recordFailure(at: path, "expected the key to be absent, found \(Self.text(actual))") }
        case .anyValue:
            if actual == nil || actual == .null { result.recordFailure(at: path, "expected a value, found \(actual == nil ? "none" : "null")") }
        case .literal(let value):
            Self.literal(value, actual, objects: objects, at: path, into: &result)
        case .object(let members, let mode):
            object(members, actual, objects: mode == .inherit ? objects : mode, at: path, into: &result)
        case .array(let elements, let mode):
            array(elements, actual, mode: mode, objects: objects, at: path, into: &result)
        case .exact(let inner):
            evaluate(inner, actual, objects: .exact, at: path, into: &result)
        case .not(let inner):
            var attempt = MatchResult(target: actual)
            evaluate(inner, actual, objects: objects, at: path, into: &attempt)
            if attempt.isSuccess { result.recordFailure(at: path, "expected anything but what the pattern matches, found \(actual.map(Self.text) ?? "none")") }
        case .serializedJSON(let inner):
            guard let text = actual?.stringValue else {
                return result.recordFailure(at: path, "expected a string of JSON text, found \(Self.found(actual))")
            }
            guard let parsed = try? JSONReader.parse(text) else {
                return result.recordFailure(at: path, "expected JSON text, found a string that is not JSON: \(Self.text(.string(text)))")
            }
            evaluate(inner, parsed, objects: objects, at: path + ["(parsed JSON)"], into: &result)
        case .regex(let expression):
            guard let text = actual?.stringValue else {
                return result.recordFailure(at: path, "expected a string like /\(expression)/, found \(Self.found(actual))")
            }
            guard let regex = try? NSRegularExpression(pattern: expression) else {
                return result.recordFailure(at: path, "the pattern /\(expression)/ is not a regular expression")
            }
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                result.recordFailure(at: path, "expected a string like /\(expression)/, found \(Self.text(.string(text)))")
            }
        case .capture(let capture):
            var inner = MatchResult(target: actual)
            evaluate(capture.pattern, actual, objects: objects, at: [], into: &inner)
            if inner.isSuccess, let actual { inner.recordCapture(capture, value: actual) }
            result.compose(path: path, inner)
        case .custom(let matcher):
            result.compose(path: path, matcher.test(actual))
        case .reference(let reference):
            guard let expected = references?.resolve(reference) else {
                return result.recordFailure(at: path, "\(reference) is not a construct of this stack")
            }
            Self.literal(expected, actual, objects: .exact, at: path, into: &result)
        }
    }

    private func object(
        _ members: [(key: String, value: Match)], _ actual: JSONValue?, objects: Match.ObjectMode,
        at path: [String], into result: inout MatchResult
    ) {
        guard let found = actual?.objectValue else {
            return result.recordFailure(at: path, "expected an object, found \(Self.found(actual))", cost: max(1, members.count))
        }
        for (key, pattern) in members {
            evaluate(pattern, found[key], objects: objects, at: path + [key], into: &result)
        }
        if objects == .exact {
            let named = Set(members.map(\.key))
            for (key, value) in found where !named.contains(key) {
                result.recordFailure(at: path + [key], "expected no such key, found \(Self.text(value))")
            }
        }
    }

    private func array(
        _ elements: [Match], _ actual: JSONValue?, mode: Match.ArrayMode, objects: Match.ObjectMode,
        at path: [String], into result: inout MatchResult
    ) {
        guard let found = actual?.arrayValue else {
            return result.recordFailure(at: path, "expected an array, found \(Self.found(actual))", cost: max(1, elements.count))
        }
        switch mode {
        case .equals:
            guard found.count == elements.count else {
                return result.recordFailure(
                    at: path,
                    "expected an array of \(elements.count) element\(elements.count == 1 ? "" : "s"), found \(found.count): \(Self.text(.array(found)))",
                    cost: max(1, abs(found.count - elements.count)))
            }
            for (index, pattern) in elements.enumerated() {
                evaluate(pattern, found[index], objects: objects, at: path + ["[\(index)]"], into: &result)
            }
        case .subsequence:
            var next = 0
            for (index, pattern) in elements.enumerated() {
                var matched = false
                while next < found.count, !matched {
                    var attempt = MatchResult(target: found[next])
                    evaluate(pattern, found[next], objects: objects, at: path + ["[\(next)]"], into: &attempt)
                    next += 1
                    if attempt.isSuccess {
                        result.compose(path: [], attempt)
                        matched = true
                    }
                }
                if !matched {
                    result.recordFailure(
                        at: path,
                        "expected the array to hold a match of pattern [\(index)] after the matches before it, found none in \(Self.text(.array(found)))")
                    return
                }
            }
        }
    }

    /// Matches a literal: the same kind and value; objects with the keys given (and, when exact, no other).
    static func literal(_ expected: JSONValue, _ actual: JSONValue?, objects: Match.ObjectMode, at path: [String], into result: inout MatchResult) {
        let evaluation = MatchEvaluation(references: nil)
        switch expected {
        case .object(let members):
            evaluation.object(members.map { ($0.key, Match(.literal($0.value))) }, actual, objects: objects, at: path, into: &result)
        case .array(let elements):
            evaluation.array(elements.map { Match(.literal($0)) }, actual, mode: .equals, objects: objects, at: path, into: &result)
        default:
            guard let actual else { return result.recordFailure(at: path, "expected \(text(expected)), found none") }
            let equal =
                switch (expected.numberValue, actual.numberValue) {
                case (let left?, let right?): left == right
                default: expected == actual
                }
            if !equal { result.recordFailure(at: path, "expected \(text(expected)), found \(text(actual))") }
        }
    }

    /// `none` for a missing key, else the value's kind and text.
    static func found(_ value: JSONValue?) -> String {
        guard let value else { return "none" }
        return "\(value.kindName) \(text(value))"
    }

    /// A value as compact JSON, cut at 160 characters.
    static func text(_ value: JSONValue) -> String {
        let written = JSONWriter(style: .compact).string(from: value)
        return written.count > 160 ? String(written.prefix(159)) + "…" : written
    }
}
