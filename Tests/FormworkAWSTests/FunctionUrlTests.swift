import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct FunctionUrlTests {
    static func function() -> Function {
        Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("exports.handler = async () => ({});"))
    }

    @Test func anIAMURLNeedsNoPermissionAnOpenOneGetsBoth() throws {
        let iam = try synthesize {
            let fn = Self.function()
            fn
            fn.url(authType: .awsIAM)
        }
        #expect(iam.resources.values.filter { $0.type == "AWS::Lambda::Permission" }.isEmpty)
        let open = try synthesize {
            let fn = Self.function()
            fn
            fn.url(authType: .none)
        }
        #expect(
            open.resources.values.filter { $0.type == "AWS::Lambda::Permission" }.map { $0.properties["Action"] }
                == ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"])
    }

    @Test func aCorsMaxAgeBeyondADayIsRefused() {
        #expect(throws: SynthesisError.self) {
            try synthesize {
                let fn = Self.function()
                fn
                fn.url(cors: .init(maxAge: .seconds(86_401)))
            }
        }
    }
}
