import FormworkCore
import FormworkTemplate

/// A pattern a part of a template is matched against: a literal written as Swift literals, or a special
/// matcher (`.anyValue`, `.absent`, `.arrayWith(...)`, `.stringLike(...)`, a ``Capture``, …) in its place.
///
/// Literals match what they spell. Inside an object pattern, objects match partially: the keys the pattern
/// names must match and other keys may be present, as CDK's `Match.objectLike` does, all the way down.
/// Arrays match element by element and must have the same length; ``arrayWith(_:)`` matches a subsequence.
///
/// ```swift
/// template.hasResourceProperties("AWS::SQS::Queue", [
///     "VisibilityTimeout": 180,
///     "RedrivePolicy": ["maxReceiveCount": 3, "deadLetterTargetArn": .anyValue],
///     "FifoQueue": .absent,
/// ])
/// ```
public struct Match: Sendable {
    indirect enum Kind: Sendable {
        /// A literal: objects partial or exact as the enclosing pattern says (``ObjectMode/inherit``).
        case literal(JSONValue)
        case object([(key: String, value: Match)], ObjectMode)
        case array([Match], ArrayMode)
        case anyValue
        case absent
        case not(Match)
        case exact(Match)
        case serializedJSON(Match)
        case regex(String)
        case capture(Capture)
        case custom(any Matcher)
        case reference(ConstructReference)
    }

    /// How an object pattern treats keys it does not name.
    enum ObjectMode: Sendable {
        /// As the enclosing pattern: partial at the top of `hasResourceProperties`, exact inside ``exact(_:)``.
        case inherit
        /// Other keys may be present (`objectLike`).
        case partial
        /// No other key may be present (`objectEquals`).
        case exact
    }

    /// How an array pattern matches.
    enum ArrayMode: Sendable {
        /// The same length, element by element.
        case equals
        /// The patterns in order, each matching a later element than the one before (`arrayWith`).
        case subsequence
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// Matches any value that is present and not `null` (CDK's `Match.anyValue()`).
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Lambda::Function", ["Role": .anyValue])
    /// ```
    public static let anyValue = Match(.anyValue)

    /// Matches only where the key is missing (CDK's `Match.absent()`).
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::SQS::Queue", ["FifoQueue": .absent])
    /// ```
    public static let absent = Match(.absent)

    /// Matches an object that has the keys `pattern` names, each matching, and any others (CDK's
    /// `Match.objectLike`). Objects written as literals inside it match the same way.
    ///
    /// ```swift
    /// template.hasResource("AWS::SQS::Queue", ["Properties": .objectLike(["VisibilityTimeout": 180])])
    /// ```
    public static func objectLike(_ pattern: KeyValuePairs<String, Match>) -> Match {
        Match(.object(pattern.map { ($0.key, $0.value) }, .partial))
    }

    /// Matches an object that has exactly the keys `pattern` names, each matching (CDK's `Match.objectEquals`).
    /// Objects written as literals inside it must match exactly too.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::SQS::Queue", ["RedrivePolicy": .objectEquals(["maxReceiveCount": 3, "deadLetterTargetArn": .anyValue])])
    /// ```
    public static func objectEquals(_ pattern: KeyValuePairs<String, Match>) -> Match {
        Match(.object(pattern.map { ($0.key, $0.value) }, .exact))
    }

    /// Matches an array that holds elements matching `pattern`, in that order, among others (CDK's
    /// `Match.arrayWith`).
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::IAM::Policy", [
    ///     "PolicyDocument": ["Statement": .arrayWith([["Action": "sqs:SendMessage", "Effect": "Allow"]])],
    /// ])
    /// ```
    public static func arrayWith(_ pattern: [Match]) -> Match {
        Match(.array(pattern, .subsequence))
    }

    /// Matches an array of exactly as many elements as `pattern`, each matching the pattern at its index
    /// (CDK's `Match.arrayEquals`). An array literal means the same.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Events::Rule", ["EventPattern": ["source": .arrayEquals(["shop.orders"])]])
    /// ```
    public static func arrayEquals(_ pattern: [Match]) -> Match {
        Match(.array(pattern, .equals))
    }

    /// Matches `pattern` with every object in it matched exactly: the same keys, none more (CDK's
    /// `Match.exact`). Special matchers inside it keep their meaning.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::SQS::Queue", ["RedrivePolicy": .exact(["maxReceiveCount": 3, "deadLetterTargetArn": .anyValue])])
    /// ```
    public static func exact(_ pattern: Match) -> Match {
        Match(.exact(pattern))
    }

    /// Matches what `pattern` does not match, including a missing key (CDK's `Match.not`).
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Lambda::Function", ["Runtime": .not("nodejs16.x")])
    /// ```
    public static func not(_ pattern: Match) -> Match {
        Match(.not(pattern))
    }

    /// Matches a string holding JSON text whose parsed value matches `pattern` (CDK's `Match.serializedJson`):
    /// a state machine's definition, an event pattern written as text.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Events::Rule", ["Targets": [["Input": .serializedJSON(["kind": "nightly"])]]])
    /// ```
    public static func serializedJSON(_ pattern: Match) -> Match {
        Match(.serializedJSON(pattern))
    }

    /// Matches a string that contains a match of the regular expression `pattern` (CDK's
    /// `Match.stringLikeRegexp`); anchor it with `^…$` to match the whole string.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Lambda::Function", ["Runtime": .stringLike("^nodejs2[0-9]")])
    /// ```
    public static func stringLike(_ pattern: String) -> Match {
        Match(.regex(pattern))
    }

    /// Matches what `capture`'s pattern matches, and records the value there (see ``Capture``).
    ///
    /// ```swift
    /// let role = Capture()
    /// template.hasResourceProperties("AWS::Lambda::Function", ["Role": .capture(role)])
    /// ```
    public static func capture(_ capture: Capture) -> Match {
        Match(.capture(capture))
    }

    /// Matches what a matcher of your own matches (see ``Matcher``).
    public static func matching(_ matcher: some Matcher) -> Match {
        Match(.custom(matcher))
    }
}

extension Match: ExpressibleByStringLiteral {
    /// The string, exactly.
    public init(stringLiteral value: String) { self.init(.literal(.string(value))) }
}

extension Match: ExpressibleByIntegerLiteral {
    /// The number, exactly (`180` matches `180` and `180.0`).
    public init(integerLiteral value: Int) { self.init(.literal(.number(Double(value)))) }
}

extension Match: ExpressibleByFloatLiteral {
    /// The number, exactly.
    public init(floatLiteral value: Double) { self.init(.literal(.number(value))) }
}

extension Match: ExpressibleByBooleanLiteral {
    /// The Boolean, exactly.
    public init(booleanLiteral value: Bool) { self.init(.literal(.bool(value))) }
}

extension Match: ExpressibleByNilLiteral {
    /// `null` in the template (not a missing key: that is ``absent``).
    public init(nilLiteral: ()) { self.init(.literal(.null)) }
}

extension Match: ExpressibleByArrayLiteral {
    /// Element by element, the same length (``arrayEquals(_:)``).
    public init(arrayLiteral elements: Match...) { self.init(.array(elements, .equals)) }
}

extension Match: ExpressibleByDictionaryLiteral {
    /// The keys named, each matching; other keys allowed unless inside ``exact(_:)`` or ``objectEquals(_:)``.
    public init(dictionaryLiteral elements: (String, Match)...) { self.init(.object(elements.map { ($0.0, $0.1) }, .inherit)) }
}

extension Match {
    /// Matches `value` as a literal: objects in it partial or exact as the enclosing pattern says.
    ///
    /// ```swift
    /// let expected: JSONValue = ["maxReceiveCount": 3]
    /// template.hasResourceProperties("AWS::SQS::Queue", ["RedrivePolicy": .value(expected)])
    /// ```
    public static func value(_ value: JSONValue) -> Match {
        Match(.literal(value))
    }

    /// Matches the reference a construct's value resolves to where it is used — `{"Ref": id}` of its
    /// resource for ``ConstructReference/ref(_:)`` — found by the construct, not by its logical ID.
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::Lambda::EventSourceMapping", ["EventSourceArn": .reference(.getAtt(queue, "Arn"))])
    /// ```
    public static func reference(_ reference: ConstructReference) -> Match {
        Match(.reference(reference))
    }
}
