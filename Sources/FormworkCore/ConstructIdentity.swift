import Synchronization

/// What makes one construct a different node from another that looks the same.
///
/// Constructs are values; two `Queue("Orders")` written in two stacks are equal as values but are two
/// queues. Each construct that can be referenced draws a fresh identity when it is created, and keeps it
/// through modifiers, so a reference always finds the node it was taken from.
public struct ConstructIdentity: Sendable, Hashable, Comparable {
    let rawValue: UInt64

    /// A new identity, different from every other in this process.
    public init() {
        rawValue = identityCounter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    public static func < (lhs: ConstructIdentity, rhs: ConstructIdentity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

private let identityCounter = Atomic<UInt64>(0)
