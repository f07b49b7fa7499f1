import FormworkTemplate

extension ValidationRun {
    /// The state types of the Amazon States Language.
    static let stateTypes: Set<String> = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]

    /// A state machine's definition written as an object: every state has a `Type` of the States Language, and
    /// `StartAt` names one of the states (cfn-lint E3601). Nested `Parallel` branches and `Map` processors are
    /// checked the same way. A definition given as a string, or with intrinsic functions where these are, is left
    /// alone.
    mutating func checkStateMachineDefinition(_ machine: Template.Resource, path: [String]) {
        guard let definition = machine.properties["Definition"], definition.objectValue != nil else { return }
        checkStates(of: definition, path: path + ["Definition"])
    }

    private mutating func checkStates(of definition: JSONValue, path: [String]) {
        guard case .object(let states)? = definition["States"] else { return }
        if case .string(let start)? = definition["StartAt"], states[start] == nil {
            let hint = suggestion(for: start, among: .names(states.keys.elements))
            error("state-machine", path + ["StartAt"], "StartAt names '\(start)', which is not one of the States.\(hint)")
        }
        for (name, state) in states {
            let statePath = path + ["States", name]
            guard case .string(let type)? = state["Type"] else { continue }
            guard Self.stateTypes.contains(type) else {
                let types = Self.stateTypes.sorted()
                let hint = suggestion(for: type, among: .names(types))
                error("state-machine", statePath + ["Type"], "'\(type)' is not a state type; the States Language has \(types.joined(separator: ", ")).\(hint)")
                continue
            }
            for (index, branch) in (state["Branches"]?.arrayValue ?? []).enumerated() {
                checkStates(of: branch, path: statePath + ["Branches", String(index)])
            }
            for key in ["ItemProcessor", "Iterator"] {
                if let processor = state[key] { checkStates(of: processor, path: statePath + [key]) }
            }
        }
    }
}
