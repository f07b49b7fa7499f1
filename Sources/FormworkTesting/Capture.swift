import FormworkTemplate
import OrderedCollections
import Synchronization

/// Records the values it matches, to read them after the assertion (CDK's `Capture`): the name a function
/// was given, the ARN a policy grants on, every topic a set of subscriptions points at.
///
/// Each successful match appends what the capture matched; ``next()`` moves to the next value, as when
/// several resources match.
///
/// ```swift
/// let topic = Capture()
/// template.hasResourceProperties("AWS::SNS::Subscription", ["Protocol": "sqs", "TopicArn": .capture(topic)])
/// #expect(try topic.asObject()["Ref"] != nil)
/// while topic.next() { … }   // the other subscriptions' topics
/// ```
public final class Capture: Matcher {
    /// What a captured value must match to be captured; any value when not given.
    public let pattern: Match
    private let state = Mutex(State())

    private struct State {
        var values: [JSONValue] = []
        var index = 0
    }

    /// A capture of values matching `pattern` (any present value by default).
    public init(_ pattern: Match = .anyValue) {
        self.pattern = pattern
    }

    /// `Capture`, the matcher's name in failures.
    public var name: String { "Capture" }

    /// Matches `actual` against the pattern; the value is recorded only when the whole assertion succeeds.
    public func test(_ actual: JSONValue?) -> MatchResult {
        MatchEvaluation(references: nil).result(of: .capture(self), against: actual)
    }

    func append(_ value: JSONValue) {
        state.withLock { $0.values.append(value) }
    }

    /// Every value captured, in the order matched.
    public var values: [JSONValue] { state.withLock { $0.values } }

    /// Moves to the next captured value; `false` when there is none (the current value stays).
    @discardableResult
    public func next() -> Bool {
        state.withLock { state in
            guard state.index + 1 < state.values.count else { return false }
            state.index += 1
            return true
        }
    }

    /// The current value.
    ///
    /// - Throws: ``CaptureError`` when nothing was captured.
    public func value() throws(CaptureError) -> JSONValue {
        let current: JSONValue? = state.withLock { $0.values.indices.contains($0.index) ? $0.values[$0.index] : nil }
        guard let current else { throw CaptureError(message: "nothing was captured: the assertion that uses the capture did not match") }
        return current
    }

    /// The current value as a string.
    ///
    /// ```swift
    /// let name = try capture.asString()
    /// ```
    public func asString() throws(CaptureError) -> String {
        try typed("string") { $0.stringValue }
    }

    /// The current value as a number.
    ///
    /// ```swift
    /// #expect(try timeout.asNumber() == 30)
    /// ```
    public func asNumber() throws(CaptureError) -> Double {
        try typed("number") { $0.numberValue }
    }

    /// The current value as a Boolean.
    ///
    /// ```swift
    /// #expect(try fifo.asBoolean())
    /// ```
    public func asBoolean() throws(CaptureError) -> Bool {
        try typed("boolean") { $0.boolValue }
    }

    /// The current value as an array.
    ///
    /// ```swift
    /// #expect(try actions.asArray().contains("sqs:SendMessage"))
    /// ```
    public func asArray() throws(CaptureError) -> [JSONValue] {
        try typed("array") { $0.arrayValue }
    }

    /// The current value as an object.
    ///
    /// ```swift
    /// #expect(try role.asObject()["Fn::GetAtt"] != nil)
    /// ```
    public func asObject() throws(CaptureError) -> OrderedDictionary<String, JSONValue> {
        try typed("object") { $0.objectValue }
    }

    private func typed<T>(_ kind: String, _ read: (JSONValue) -> T?) throws(CaptureError) -> T {
        let current = try value()
        guard let typed = read(current) else {
            throw CaptureError(message: "the captured value is \(current.kindName), not \(kind): \(MatchEvaluation.text(current))")
        }
        return typed
    }
}

/// A captured value read as what it is not, or read before anything was captured.
public struct CaptureError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}
