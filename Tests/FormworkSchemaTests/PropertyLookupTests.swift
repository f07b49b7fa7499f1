@testable import FormworkSchema
import FormworkTemplate
import OrderedCollections
import Testing

/// The table validation finds an object schema's properties in.
@Suite struct PropertyLookupTests {
    /// A schema node that tells itself apart by its `maxLength`.
    private func marked(_ mark: Int) -> CompiledSchema {
        SchemaCompiler(definitionIndices: [:]).compile(["type": "string", "maxLength": .number(Double(mark))])
    }

    @Test func everyPropertyIsFoundByItsNameAndNoOtherName() {
        // Enough names that probes collide and wrap around the table; names that differ by one byte, by case and
        // by length, and non-ASCII ones.
        var names = (0..<300).map { "Property\($0)" } + ["A", "a", "AB", "Ab", "Größe", "Größe2", ""]
        names.append(String(repeating: "Long", count: 40))
        let properties = OrderedDictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, marked($0.offset)) })
        let lookup = PropertyLookup(properties)
        for (index, name) in names.enumerated() {
            #expect(lookup.schema(named: name)?.maxLength == index, "\(name)")
        }
        for absent in ["Property300", "property1", "B", "Grösse", "Property1 ", "LongLong"] {
            #expect(lookup.schema(named: absent) == nil, "\(absent)")
        }
    }

    @Test func anObjectSchemaWithoutPropertiesFindsNone() {
        #expect(PropertyLookup([:]).schema(named: "Anything") == nil)
        #expect(PropertyLookup([:]).schema(named: "") == nil)
    }
}
