import Foundation
import FormworkTemplate

/// The templates the real AWS CDK wrote, kept in `Fixtures/`.
enum ParityFixtures {
    /// `Fixtures/<folder>/<stack>.template.json`.
    static func template(_ stack: String, in folder: String) throws -> Template {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(folder)/\(stack).template.json")
        return try Template.read(contentsOf: url.path)
    }

    /// The asset folder `Fixtures/assets/<name>` of the generated cases (the CDK app's `asset(name)`), as an
    /// absolute path.
    static func assetFolder(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/assets/\(name)").path
    }
}
