import Foundation
import Testing

@testable import FormworkCloud

/// What `XMLTree.parse` reads from an AWS answer, and what it refuses.
@Suite struct XMLTreeParsingTests {
    private func parse(_ text: String) -> XMLTree? {
        XMLTree.parse(Data(text.utf8))
    }

    @Test func readsAQueryAnswerWithDeclarationNamespacesAndAttributes() throws {
        let answer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- the answer -->
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult>
                <Stacks>
                  <member><StackName a='1' b="x&gt;y">Shop</StackName></member>
                  <member><StackName>Data</StackName><Empty/></member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </DescribeStacksResponse>

            """
        let tree = try #require(parse(answer))
        #expect(tree.name == "DescribeStacksResponse")
        #expect(tree["DescribeStacksResult"]?.members("Stacks").map { $0.string("StackName") } == ["Shop", "Data"])
        #expect(tree["DescribeStacksResult", "Stacks"]?.children.last?["Empty"] == XMLTree(name: "Empty"))
        #expect(tree["ResponseMetadata"]?.string("RequestId") == "r-1")
    }

    @Test func decodesEntitiesCharacterReferencesCDATAAndLineEnds() throws {
        let tree = try #require(parse("<R><T>a&amp;b&#65;&#x1F600;&apos;&quot;</T><C><![CDATA[<x>&amp;]]></C><L>1\r\n2\r3</L></R>"))
        #expect(tree.string("T") == "a&bA😀'\"")
        #expect(tree.string("C") == "<x>&amp;")
        #expect(tree.string("L") == "1\n2\n3")
    }

    @Test func keepsOnlyAnElementsOwnText() throws {
        let tree = try #require(parse("<R>a<B>b</B>c<D/>d</R>"))
        #expect(tree.text == "acd")
        #expect(tree.string("B") == "b")
    }

    @Test(arguments: [
        "", "text", "<a>", "<a></b>", "<a><b></a></b>", "<a/><b/>", "<a/>text", "<a>&unknown;</a>", "<a>&#0;</a>",
        "<a>&#xD800;</a>", "<a>&amp</a>", "<a b=c/>", "<a b='<'/>", "<a b='1'c='2'/>", "<a><!-- x</a>",
        "<a><![CDATA[x</a>", "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", "<a><!DOCTYPE b></a>", "<1a/>", "</a>",
        "<a><?pi x</a>",
    ])
    func refusesWhatIsNotWellFormed(_ text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func refusesTextThatIsNotUTF8() {
        #expect(XMLTree.parse(Data([0x3C, 0x61, 0xFF, 0x2F, 0x3E])) == nil)
    }

    @Test func readsNestingToTheMaximumDepthAndRefusesDeeper() {
        func nested(_ depth: Int) -> String {
            String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        }
        #expect(parse(nested(XMLTree.maximumDepth)) != nil)
        #expect(parse(nested(XMLTree.maximumDepth + 1)) == nil)
    }

    /// The input on which FoundationXML's parser read past its buffer (found by the `xml` fuzzer).
    @Test func refusesTheInputThatCrashedFoundationXML() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/Regressions/xml/libxml2-strlen-crash.xml").standardizedFileURL
        #expect(XMLTree.parse(try Data(contentsOf: url)) == nil)
    }
}
