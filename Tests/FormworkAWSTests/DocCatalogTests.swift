import Foundation
import Testing

/// The symbol links of the DocC catalog name public declarations: DocC is not built in CI, so a renamed or
/// removed type would otherwise leave a dead link unnoticed.
@Suite struct DocCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every ``Symbol`` of the catalog's articles, without the module's own link.
    static func links() throws -> [String] {
        let catalog = root.appendingPathComponent("Sources/Formwork/Formwork.docc")
        var links: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: catalog.path).sorted() where file.hasSuffix(".md") {
            let text = try String(contentsOf: catalog.appendingPathComponent(file), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: "(?<!`)``([A-Za-z_][A-Za-z0-9_.():/]*)``(?!`)")
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text), text[range] != "Formwork" { links.append(String(text[range])) }
            }
        }
        return Array(Set(links)).sorted()
    }

    /// The names of the public types and functions declared under Sources/.
    static func publicNames() throws -> Set<String> {
        var names = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let kinds = ["struct", "enum", "protocol", "class", "actor", "typealias", "func"]
        for file in files where !file.contains("/Generated/") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ":" || $0 == "<" })
                guard let index = words.firstIndex(where: { kinds.contains(String($0)) }), index > 0, words[..<index].contains("public"),
                    index + 1 < words.count
                else { continue }
                names.insert(String(words[index + 1]))
            }
        }
        return names
    }

    @Test func everySymbolLinkNamesAPublicDeclaration() throws {
        let names = try Self.publicNames()
        let links = try Self.links()
        #expect(!links.isEmpty)
        for link in links {
            let base = String(link.prefix { $0 != "(" && $0 != "/" })
            #expect(names.contains(base), "the catalog links ``\(link)``, which no public declaration is named")
        }
    }
}
