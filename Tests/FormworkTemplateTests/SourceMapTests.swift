import FormworkTemplate
import Testing

@Suite struct SourceMapTests {
    @Test func jsonPositionsPointAtKeysAndListElements() throws {
        let text = "{\n \"Resources\": {\n  \"Q\": {\n   \"Type\": \"T\",\n   \"DependsOn\": [\"A\", \"B\"]\n  }\n }\n}"
        let (_, map) = try JSONReader.parseWithSourceMap(text)
        #expect(map.position(of: ["Resources", "Q", "Type"]) == .init(line: 4, column: 4))
        #expect(map.position(of: ["Resources", "Q", "DependsOn", "1"]) == .init(line: 5, column: 23))
        #expect(map.position(of: ["Resources", "Q", "Properties", "Missing"]) == .init(line: 3, column: 3))
    }

    @Test func yamlPositionsPointAtKeysAndListElements() throws {
        let text = "Resources:\n  Q:\n    Type: T\n    DependsOn:\n      - A\n      - B\n"
        let (_, map) = try YAMLReader.parseWithSourceMap(text)
        #expect(map.position(of: ["Resources", "Q", "Type"]) == .init(line: 3, column: 5))
        #expect(map.position(of: ["Resources", "Q", "DependsOn", "1"]) == .init(line: 6, column: 9))
    }
}
