import FormworkSchema
import OrderedCollections

/// CDK's `Tags.of(scope).add(key, value)` and `.remove(key)`: a tag on every taggable resource below the
/// scope the `Tag` is listed in (or below `target`), in the shape each type takes — a list of `Key`/`Value`,
/// a map, or Auto Scaling's list with `PropagateAtLaunch` — sorted by key, as CDK writes them. A tag on a
/// whole stack is also a stack tag of the assembly.
///
/// ```swift
/// Stack("Orders") {
///     Tag("team", "orders")                       // everything in the stack
///     OrdersService()
///     Tag("cost-center", "42", on: ordersTable)   // the table only
///     Tag.remove("team", from: sharedBucket)
/// }
/// ```
///
/// When tags disagree, CDK's rules decide: the higher priority wins (adding is 100, removing 200, tags the
/// construct wrote itself 50); at equal priority, a tag on an inner scope wins over one on an outer scope,
/// and a later one over an earlier one in the same scope.
public struct Tag: Construct {
    public let id: String
    let aspect: TagAspect
    let target: (any IdentifiedConstruct)?

    /// Adds the tag `key` = `value` below the enclosing scope, or below `target`.
    ///
    /// - Parameters:
    ///   - priority: CDK's priority (default 100).
    ///   - includeResourceTypes: only these types, when not empty.
    ///   - excludeResourceTypes: never these types.
    ///   - applyToLaunchedInstances: for Auto Scaling groups, `PropagateAtLaunch`.
    public init(
        _ key: String, _ value: String, on target: (any IdentifiedConstruct)? = nil, priority: Int = 100,
        includeResourceTypes: [String] = [], excludeResourceTypes: [String] = [], applyToLaunchedInstances: Bool = true
    ) {
        self.aspect = TagAspect(
            key: key, value: value, priority: priority, includeResourceTypes: includeResourceTypes,
            excludeResourceTypes: excludeResourceTypes, applyToLaunchedInstances: applyToLaunchedInstances)
        self.target = target
        self.id = Self.id("Tag", "\(key)=\(value)", target, priority == 100 ? nil : priority)
    }

    private init(
        removing key: String, from target: (any IdentifiedConstruct)?, priority: Int,
        includeResourceTypes: [String], excludeResourceTypes: [String]
    ) {
        self.aspect = TagAspect(
            key: key, value: nil, priority: priority, includeResourceTypes: includeResourceTypes,
            excludeResourceTypes: excludeResourceTypes, applyToLaunchedInstances: true)
        self.target = target
        self.id = Self.id("RemoveTag", key, target, priority == 200 ? nil : priority)
    }

    /// Removes the tag `key` below the enclosing scope, or below `target` (priority 200 by default, so it
    /// wins over added tags).
    public static func remove(
        _ key: String, from target: (any IdentifiedConstruct)? = nil, priority: Int = 200,
        includeResourceTypes: [String] = [], excludeResourceTypes: [String] = []
    ) -> Tag {
        Tag(
            removing: key, from: target, priority: priority, includeResourceTypes: includeResourceTypes,
            excludeResourceTypes: excludeResourceTypes)
    }

    /// `Tag(key=value.Target.300)`: unique in a scope unless the same tag is listed twice.
    private static func id(_ kind: String, _ tag: String, _ target: (any IdentifiedConstruct)?, _ priority: Int?) -> String {
        "\(kind)(\(tag)\(target.map { "." + $0.id } ?? "")\(priority.map { ".\($0)" } ?? ""))".replacingOccurrences(of: "/", with: "|")
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !aspect.key.isEmpty, aspect.key.count <= 128, (aspect.value?.count ?? 0) <= 256 else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "a tag key takes 1 to 128 characters and a value at most 256; '\(aspect.key)' does not fit")
        }
        scope.schedule(aspect, on: target)
    }
}

/// Adds or removes one tag: the aspect behind ``Tag``.
struct TagAspect: Aspect {
    let key: String
    /// The value to set; `nil` removes the tag.
    let value: String?
    let priority: Int
    let includeResourceTypes: [String]
    let excludeResourceTypes: [String]
    let applyToLaunchedInstances: Bool

    func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError) {
        guard let information = TagInformation.of(resource.type),
            includeResourceTypes.isEmpty || includeResourceTypes.contains(resource.type),
            !excludeResourceTypes.contains(resource.type)
        else { return }
        var state: TagState
        if let existing = resource.tagState {
            state = existing
        } else {
            state = try TagState(parsing: resource.properties[information.property], format: information.format, at: path)
        }
        apply(to: &state)
        resource.tagState = state
        resource.properties[information.property] = state.rendered(as: information.format)
    }

    func apply(to state: inout TagState) {
        if let value {
            state.set(key, value, priority: priority, propagateAtLaunch: applyToLaunchedInstances)
        } else {
            state.remove(key, priority: priority)
        }
    }
}

/// The tags of one resource or stack and the priority that set or removed each, by CDK's `TagManager`
/// rules.
struct TagState: Sendable {
    private var values: [String: (value: String, propagateAtLaunch: Bool)] = [:]
    private var priorities: [String: Int] = [:]

    /// The priority of the tags a construct wrote itself.
    static let declaredPriority = 50

    init() {}

    /// The tags a construct already wrote into its tags property, at the declared priority.
    init(parsing declared: Value?, format: TagInformation.Format, at path: String) throws(SynthesisError) {
        guard let declared else { return }
        switch (format, declared) {
        case (.map, .object(let members)):
            for (key, value) in members {
                guard case .string(let text) = value else { throw Self.unsupported(at: path) }
                set(key, text, priority: Self.declaredPriority, propagateAtLaunch: true)
            }
        case (.standard, .array(let entries)), (.autoScalingGroup, .array(let entries)):
            for entry in entries {
                guard case .object(let members) = entry, case .string(let key)? = members["Key"], case .string(let value)? = members["Value"] else {
                    throw Self.unsupported(at: path)
                }
                set(key, value, priority: Self.declaredPriority, propagateAtLaunch: members["PropagateAtLaunch"] != .bool(false))
            }
        default:
            throw Self.unsupported(at: path)
        }
    }

    private static func unsupported(at path: String) -> SynthesisError {
        SynthesisError(
            .invalidSetting, paths: [path],
            "the resource's tags hold a reference or an intrinsic function, which cannot be combined with Tag; set the tags in one place")
    }

    mutating func set(_ key: String, _ value: String, priority: Int, propagateAtLaunch: Bool) {
        guard priority >= priorities[key, default: 0] else { return }
        values[key] = (value, propagateAtLaunch)
        priorities[key] = priority
    }

    mutating func remove(_ key: String, priority: Int) {
        guard priority >= priorities[key, default: 0] else { return }
        values[key] = nil
        priorities[key] = priority
    }

    /// The tags sorted by key as JavaScript's `localeCompare` sorts them.
    var sorted: [(key: String, value: String, propagateAtLaunch: Bool)] {
        values.map { ($0.key, $0.value.value, $0.value.propagateAtLaunch) }.sorted { LocaleCompare.precedes($0.key, $1.key) }
    }

    /// The tags property in `format`; `nil` when there is no tag.
    func rendered(as format: TagInformation.Format) -> Value? {
        let tags = sorted
        guard !tags.isEmpty else { return nil }
        switch format {
        case .standard:
            return .array(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
        case .autoScalingGroup:
            return .array(tags.map { ["Key": .string($0.key), "PropagateAtLaunch": .bool($0.propagateAtLaunch), "Value": .string($0.value)] })
        case .map:
            return .object(OrderedDictionary(uniqueKeysWithValues: tags.map { ($0.key, Value.string($0.value)) }))
        }
    }

    /// The tags as a stack's tags: key to value, sorted.
    var stackTags: OrderedDictionary<String, String> {
        OrderedDictionary(uniqueKeysWithValues: sorted.map { ($0.key, $0.value) })
    }
}
