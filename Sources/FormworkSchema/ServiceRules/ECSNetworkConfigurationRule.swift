import FormworkTemplate

extension ValidationRun {
    /// A service whose task definition uses the `awsvpc` network mode sets `NetworkConfiguration` (its
    /// subnets and security groups): ECS refuses to create it otherwise (cfn-lint E3052).
    mutating func checkServiceNetworkConfiguration(of service: Template.Resource, path: [String]) {
        guard service.properties["NetworkConfiguration"] == nil,
            let task = referencedResource(service.properties["TaskDefinition"]), task.resource.type == "AWS::ECS::TaskDefinition",
            task.resource.properties["NetworkMode"]?.stringValue == "awsvpc"
        else { return }
        error(
            "missing-required", path,
            "the task definition '\(task.id)' uses the awsvpc network mode, so the service needs NetworkConfiguration (AwsvpcConfiguration with its subnets)")
    }
}
