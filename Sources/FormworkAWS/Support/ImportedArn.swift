import FormworkCore

/// The ARN of an existing resource that a construct stands for instead of declaring one (CDK's `fromQueueArn`,
/// `fromTopicArn`, `fromTableArn`, `fromFunctionArn`, `fromBucketArn`, and their `from…Name` forms): the construct
/// writes nothing for the resource, and its attributes are read from the ARN as CDK reads them.
///
/// An ARN is `arn:partition:service:region:account:resource`. Given as text (or as text that begins with a literal
/// `arn:`, with references between the colons), its parts are cut from the text, as CDK's `Stack.splitArn` cuts them;
/// given as any other value (a parameter, an attribute of another construct), each part is
/// `{"Fn::Select": [index, {"Fn::Split": [":", arn]}]}`.
public struct ImportedArn: Sendable {
    /// The ARN, as given.
    public let arn: Value

    init(_ arn: Value) {
        self.arn = arn
    }

    /// The ARN as plain text, when it is given so.
    var text: String? {
        if case .string(let text) = arn { return text }
        return nil
    }

    /// Part `index` of the ARN (3: the region, 4: the account, 5: the resource), as CDK's `Stack.splitArn` reads it:
    /// cut from the text when the ARN begins with a literal `arn:`, `Fn::Select` of `Fn::Split` otherwise.
    func component(_ index: Int) -> Value {
        guard let components = literalComponents, index < components.count else { return selected(index) }
        let parts = components[index]
        return parts.count == 1 ? parts[0] : .concatenation(parts)
    }

    /// `{"Fn::Select": [index, {"Fn::Split": [":", arn]}]}`.
    private func selected(_ index: Int) -> Value {
        .intrinsic("Fn::Select", [.number(Double(index)), .intrinsic("Fn::Split", [":", arn])])
    }

    /// Part `index` of the ARN as CDK's `Fn.select(index, Fn.split(":", arn))` reads it (a function's name): cut from
    /// the ARN when it is plain text, `Fn::Select` of `Fn::Split` of the whole ARN otherwise, even when it begins with
    /// a literal `arn:`.
    func splitPart(_ index: Int) -> Value {
        guard let text else { return selected(index) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return index < parts.count ? .string(String(parts[index])) : selected(index)
    }

    /// The resource part of the ARN (part 5) cut at its first `/`, as CDK's `Stack.splitArn` with
    /// `ArnFormat.SLASH_RESOURCE_NAME` reads it: `0`, the resource type (a bucket's name), `1`, the resource name (a
    /// table's name). Cut from the text when the ARN begins with a literal `arn:`,
    /// `{"Fn::Select": [index, {"Fn::Split": ["/", <part 5>]}]}` otherwise. `nil` for a resource name when part 5 has
    /// no `/`.
    func slashResource(_ index: Int) -> Value? {
        guard let components = literalComponents, components.count > 5 else {
            return .intrinsic("Fn::Select", [.number(Double(index)), .intrinsic("Fn::Split", ["/", selected(5)])])
        }
        var before: [Value] = []
        var after: [Value] = []
        var cut = false
        for piece in components[5] {
            if !cut, case .string(let text) = piece, let slash = text.firstIndex(of: "/") {
                let head = String(text[..<slash])
                let tail = String(text[text.index(after: slash)...])
                if !head.isEmpty { before.append(.string(head)) }
                if !tail.isEmpty { after.append(.string(tail)) }
                cut = true
            } else if cut {
                after.append(piece)
            } else {
                before.append(piece)
            }
        }
        if index == 0 { return Self.joined(before) }
        // Not `cut ? joined : nil`: `Value` is `ExpressibleByNilLiteral`, so that `nil` would be JSON null.
        guard cut else { return Optional<Value>.none }
        return Self.joined(after)
    }

    /// `pieces` as one value: the piece alone, or their concatenation.
    private static func joined(_ pieces: [Value]) -> Value {
        pieces.count == 1 ? pieces[0] : .concatenation(pieces)
    }

    /// The account part of the ARN (part 4) when the ARN is plain text.
    var literalAccount: String? {
        guard let text else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 4 ? String(parts[4]) : nil
    }

    /// Whether the account part of the ARN (part 4) holds a reference (`Aws.accountId`, a parameter), as CDK's
    /// `Token.isUnresolved` of it says: a reference that the ARN is made of, or that sits in its account part.
    var accountIsUnresolved: Bool {
        if text != nil { return false }
        guard let components = literalComponents, components.count > 4 else { return true }
        return components[4].contains { if case .string = $0 { return false } else { return true } }
    }

    /// The pieces of the ARN between its colons, when it begins with a literal `arn:`: the literal text is cut at its
    /// colons, a reference stays whole in the piece it falls in.
    private var literalComponents: [[Value]]? {
        let parts = joinedParts
        guard case .string(let first)? = parts.first, first.hasPrefix("arn:") else { return nil }
        var components: [[Value]] = [[]]
        for part in parts {
            guard case .string(let text) = part else {
                components[components.count - 1].append(part)
                continue
            }
            for (offset, piece) in text.split(separator: ":", omittingEmptySubsequences: false).enumerated() {
                if offset > 0 { components.append([]) }
                if !piece.isEmpty { components[components.count - 1].append(.string(String(piece))) }
            }
        }
        return components
    }

    /// The parts of the ARN: those of `{"Fn::Join": ["", parts]}`, or the ARN alone.
    private var joinedParts: [Value] {
        if case .object(let members) = arn, members.count == 1, case .array(let arguments)? = members["Fn::Join"], arguments.count == 2,
            case .string("") = arguments[0], case .array(let parts) = arguments[1]
        {
            return parts
        }
        return [arn]
    }

    /// Rejects text that is not an ARN, as CDK does: it must begin with `arn:` and have at least six parts.
    func validate(at scope: ConstructScope) throws(SynthesisError) {
        guard let text else { return }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.hasPrefix("arn:"), parts.count >= 6, !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "'\(text)' is not an ARN; give one of the form arn:partition:service:region:account:resource")
        }
    }
}
