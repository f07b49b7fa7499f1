import Formwork
import FormworkTesting
import XCTest

/// The assertions called from an XCTest test, as a team with an XCTest suite calls them.
final class XCTestUsageTests: XCTestCase {
    func testAssertionsRunInAnXCTestTest() throws {
        let queue = Queue("Orders", visibilityTimeout: .seconds(180))
        let template = try StackTemplate(of: Stack("S") { queue })
        template.hasResource(of: queue, properties: ["VisibilityTimeout": 180])
        template.resourceCountIs("AWS::SQS::Queue", 1)
        XCTAssertEqual(template.findResources("AWS::SQS::Queue").count, 1)
    }
}
