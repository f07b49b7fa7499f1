import FormworkSchema
import FormworkTemplate
import Testing

/// SAM's resources against SAM's own schemas, with `Globals` applied as the transform applies them.
@Suite struct SAMValidationTests {
    func errors(_ yaml: String) throws -> [ValidationIssue] {
        TemplateValidator().validate(try Template.parse("Transform: AWS::Serverless-2016-10-31\n" + yaml, format: .yaml)).filter { $0.severity == .error }
    }

    static let function = """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Events:
                Orders:
                  Type: %@
                  Properties: {Path: /orders, Method: post}

        """

    @Test func aRuntimeAndHandlerFromGlobalsCountAsSet() throws {
        let globals = "Globals:\n  Function: {Runtime: python3.12, Handler: app.handler, Timeout: 30}\n"
        #expect(try errors(globals + Self.function.replacingOccurrences(of: "%@", with: "Api")) == [])
    }

    @Test func anEventTypeSAMDoesNotHaveIsAnError() throws {
        let globals = "Globals:\n  Function: {Runtime: python3.12, Handler: app.handler}\n"
        let found = try errors(globals + Self.function.replacingOccurrences(of: "%@", with: "Cron"))
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.path.starts(with: ["Resources", "Worker", "Properties", "Events", "Orders"]) })
    }

    @Test func aGlobalsPropertySAMDoesNotTakeIsAnErrorAtItsKey() throws {
        let globals = "Globals:\n  Function: {Runtime: python3.12, Handler: app.handler, FunctionName: shared}\n"
        let found = try errors(globals + Self.function.replacingOccurrences(of: "%@", with: "Api"))
        #expect(found.map(\.path) == [["Globals", "Function", "FunctionName"]])
    }

    @Test func aTimeoutFromGlobalsIsCheckedLikeTheResourcesOwnUnlessIgnored() throws {
        let globals = "Globals:\n  Function: {Runtime: python3.12, Handler: app.handler, Timeout: thirty}\n"
        #expect(try !errors(globals + Self.function.replacingOccurrences(of: "%@", with: "Api")).isEmpty)
        let ignoring = Self.function.replacingOccurrences(of: "%@", with: "Api")
            .replacingOccurrences(of: "    Type: AWS::Serverless::Function\n", with: "    Type: AWS::Serverless::Function\n    IgnoreGlobals: [Timeout]\n")
        #expect(try errors(globals + ignoring) == [])
    }
}
