import Foundation
import FormworkTemplate

/// Lambda refuses functions on runtimes past their blocking dates: creating them after the creation block,
/// creating or updating them after the update block. The dates are cfn-lint's lifecycle data.
extension ValidationRun {
    mutating func checkRuntimes(on date: Date = Date()) {
        forEachResource { run, _, logicalId, resource in
            guard resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function",
                case .string(let runtime)? = resource.properties["Runtime"]
            else { return }
            let path = ["Resources", logicalId, "Properties", "Runtime"]
            switch LambdaRuntimes.status(of: runtime, on: date) {
            case .updateBlocked?:
                run.error("deprecated-runtime", path, "Lambda no longer creates or updates functions on \(runtime); move to a supported runtime")
            case .creationBlocked?:
                run.issues.append(
                    ValidationIssue(
                        .warning, rule: "deprecated-runtime", path: path,
                        "Lambda no longer creates functions on \(runtime) (an existing function can still be updated for a while); move to a supported runtime")
                )
            default:
                break
            }
        }
    }
}
