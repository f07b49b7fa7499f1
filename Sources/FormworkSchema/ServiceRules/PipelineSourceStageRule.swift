import FormworkTemplate

extension ValidationRun {
    /// A pipeline's first stage holds only Source actions, and no later stage holds one (cfn-lint E3700). A
    /// stage chosen by `Fn::If` is left alone: which stage comes first is known only at deploy.
    mutating func checkSourceStage(of pipeline: Template.Resource, path: [String]) {
        guard let stages = pipeline.properties["Stages"]?.arrayValue, !stages.contains(where: { IntrinsicFunction($0) != nil }) else { return }
        for (position, stage) in stages.enumerated() {
            for (index, action) in (stage["Actions"]?.arrayValue ?? []).enumerated() {
                guard let category = action["ActionTypeId"]?["Category"]?.stringValue else { continue }
                let actionPath = path + ["Stages", String(position), "Actions", String(index), "ActionTypeId", "Category"]
                if position == 0, category != "Source" {
                    error("pipeline-stages", actionPath, "the first stage of a pipeline holds only Source actions; this one is a \(category) action")
                } else if position > 0, category == "Source" {
                    error("pipeline-stages", actionPath, "Source actions belong in the first stage of a pipeline; this one is in stage \(position + 1)")
                }
            }
        }
    }
}
