import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct LayerVersionTests {
    @Test func aLayerCannotBeInline() {
        #expect { try synthesize { LayerVersion("Layer", code: .inline("x")) } } throws: { "\($0)".contains("a layer cannot have inline code") }
    }

    @Test func aFunctionTakesAtMostFiveLayers() {
        #expect {
            try synthesize {
                let layers = (0..<6).map { LayerVersion("Layer\($0)", code: .s3(bucket: "shop-layers", key: "l\($0).zip")) }
                for layer in layers { layer }
                Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), layers: layers)
            }
        } throws: { error in
            "\(error)".contains("layers (count)")
        }
    }

    @Test func aFunctionsLayersAreReferencedInOrder() throws {
        let template = try synthesize {
            let first = LayerVersion("First", code: .s3(bucket: "shop-layers", key: "1.zip"))
            let second = LayerVersion("Second", code: .s3(bucket: "shop-layers", key: "2.zip"))
            first
            second
            Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), layers: [second, first])
        }
        let function = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Function" })
        #expect(function.properties["Layers"] == [.ref(logicalId("Second/Resource")), .ref(logicalId("First/Resource"))])
    }
}
