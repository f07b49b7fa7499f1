import Foundation
import FormworkTemplate

/// The templates the real AWS CDK wrote, kept in `Fixtures/`.
enum ParityFixtures {
    /// `Fixtures/<folder>/<stack>.template.json`.
    static func template(_ stack: String, in folder: String) throws -> Template {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(folder)/\(stack).template.json")
        return try Template.read(contentsOf: url.path)
    }
}
