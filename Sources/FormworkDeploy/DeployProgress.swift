/// Where an operation over several stacks (deploy, destroy, rollback) reports how it goes: the command line
/// writes it to the terminal, a test keeps it.
public protocol DeployProgress: Sendable {
    /// A line of progress (`Orders: CREATE_COMPLETE Queue`), kept in order.
    func add(_ line: String)
    /// The latest status of the stack `line` starts with (`Orders: 12/40 resources, 0:42`), replacing its last.
    func status(_ line: String)
    /// The operation ended: no more lines or statuses follow.
    func finish()
}
