import Foundation
import FormworkTemplate
import OrderedCollections

/// CDK's feature flags: context keys (`@aws-cdk/aws-lambda:useCdkManagedLogGroup`) that change what CDK's
/// constructs write, set in an app's `cdk.json`. An app moved from CDK keeps its flags, so that Formwork writes
/// what CDK wrote for it: `App(defaults: .cdk(flags: .recommended))` for the flags `cdk init` writes, or
/// `App(defaults: .cdk(cdkJSON: "cdk.json"))` for the app's own file.
///
/// Formwork implements the flags that change the output of the constructs it has (``FeatureFlag/implemented``);
/// a flag set to anything but its default that Formwork does not implement is reported at synthesis
/// (``unimplemented``), never silently ignored.
public struct FeatureFlags: Sendable, Hashable {
    /// The values set, by flag name; a flag not here has its v2 default.
    public var values: [String: JSONValue]

    /// Flags with `values` set; none by default (every flag at its v2 default, as a `cdk.json` without context).
    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    /// The value of `name`: the one set, else its v2 default; `nil` for a flag CDK does not know and nobody set.
    public func value(of name: String) -> JSONValue? {
        values[name] ?? Self.knownDefaults[name]
    }

    /// Whether the boolean `flag` is on.
    public func isEnabled(_ flag: FeatureFlag) -> Bool {
        value(of: flag.name) == true
    }

    /// The context key with which `cdk synth` and `cdk deploy` ask constructs to write CDK's `aws:asset:*` metadata on
    /// each resource that uses an asset (the CLI's `--asset-metadata`, on unless turned off).
    public static let assetMetadataContextKey = "aws:cdk:enable-asset-metadata"

    /// Whether a resource that uses an asset (a function's `Code`, a layer's `Content`) gets CDK's `aws:asset:*`
    /// metadata: yes unless ``assetMetadataContextKey`` is set to a value JavaScript reads as false (`false`, `null`,
    /// `0`, `""`). The CDK CLI passes it by default, so every template `cdk synth` or `cdk deploy` wrote has it; only
    /// an app synthesized without the CLI (`app.synth()` in a test) has none.
    public var writesAssetMetadata: Bool {
        values[Self.assetMetadataContextKey].map(Self.isTruthy) ?? true
    }

    /// Whether JavaScript reads `value` as true, as CDK reads a context value.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let flag): flag
        case .number(let number): number != 0 && !number.isNaN
        case .numberText(let text): Double(text).map { $0 != 0 && !$0.isNaN } ?? true
        case .string(let text): !text.isEmpty
        case .array, .object: true
        }
    }

    /// The flags set to something other than their default that Formwork does not implement, sorted.
    public var unimplemented: [String] {
        let implemented = Set(FeatureFlag.implemented.map(\.name))
        return values.filter { name, value in !implemented.contains(name) && value != Self.knownDefaults[name] && Self.knownDefaults[name] != nil }
            .keys.sorted()
    }

    /// The flags of the `context` object of the `cdk.json` at `path` (other context keys are ignored), and the context
    /// the CDK CLI adds to it: with the file's `"assetMetadata": false` (`cdk synth --no-asset-metadata`), the CLI
    /// passes no ``assetMetadataContextKey``, so the file's own value decides (none: no asset metadata); otherwise it
    /// passes `true` over the file's, which is the default here (``writesAssetMetadata``).
    ///
    /// - Throws: ``SourceError`` at the file's line and column when it is not JSON or its `context` is not an
    ///   object; ``TemplateReadError`` when it cannot be read.
    public static func contents(ofCDKJSON path: String) throws -> FeatureFlags {
        let text = try TemplateFile.text(at: path)
        let document: JSONValue
        do {
            document = try JSONReader.parse(text)
        } catch {
            throw error.inFile(path)
        }
        guard case .object(let members) = document else {
            throw SourceError(file: path, line: 1, column: 1, message: "cdk.json is not a JSON object")
        }
        var settings: OrderedDictionary<String, JSONValue> = [:]
        if let context = members["context"] {
            guard case .object(let object) = context else {
                throw SourceError(file: path, line: 1, column: 1, message: "the 'context' of cdk.json is not an object of flag names and values")
            }
            settings = object
        }
        var values: [String: JSONValue] = [:]
        for (name, value) in settings where knownDefaults[name] != nil {
            values[name] = value
        }
        // The CLI's `assetMetadata` setting (default `true`): when on, it sets the context key to `true` over the file's.
        if let assetMetadata = members["assetMetadata"], !Self.isTruthy(assetMetadata) {
            values[Self.assetMetadataContextKey] = .bool(settings[Self.assetMetadataContextKey].map(Self.isTruthy) ?? false)
        }
        return FeatureFlags(values)
    }
}
