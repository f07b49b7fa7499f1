import Foundation
import FormworkCLI
import FormworkTestSupport
import Testing

/// `fetch` writes only inside its folder, never through a symbolic link, and never over a file it did not
/// write, whatever stack name the endpoint answers with.
@Suite struct FetchOutputSafetyTests {
    let endpoint: HostileEndpoint

    init() throws {
        endpoint = try HostileEndpoint.shared.get()
    }

    /// `fetch Orders --output output` against an endpoint that calls the stack `answeredName`.
    func fetch(answeredName: String, output: String, home: String) -> CommandRunner.Result {
        let encoded = answeredName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? answeredName
        return CommandRunner.run(
            ["fetch", "Orders", "--output", output, "--endpoint-url", endpoint.url("stack-name/\(encoded)").absoluteString],
            root: FormworkTool.self,
            environment: ["AWS_ACCESS_KEY_ID": "AKIDFETCHTEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "us-east-1", "HOME": home])
    }

    @Test(arguments: ["../escape", "../../etc/cron.d/x", "/tmp/absolute", "a/b", "..", "Orders x", "Orders.template", String(repeating: "a", count: 129)])
    func aStackNameThatIsNotOneNeverNamesAFile(name: String) throws {
        let folder = try TemporaryDirectory()
        let result = fetch(answeredName: name, output: folder.path("deployed/inner"), home: folder.url.path)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("is not a CloudFormation stack name"))
        #expect(try folder.contents() == [])
    }

    @Test func aSymbolicLinkAsTheOutputIsRefused() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("elsewhere"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("elsewhere"))
        let result = fetch(answeredName: "Orders", output: folder.path("link"), home: folder.url.path)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("elsewhere")) == [])
    }

    @Test func aTemplateOfTheUsersOwnIsNeverReplaced() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("project"), withIntermediateDirectories: false)
        try folder.write("my own template", to: "project/Orders.template.json")
        let result = fetch(answeredName: "Orders", output: folder.path("project"), home: folder.url.path)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("does not replace a file it did not write"))
        #expect(try folder.read("project/Orders.template.json") == "my own template")
    }

    @Test func aFolderFetchMadeIsRefreshedByTheNextFetch() throws {
        let folder = try TemporaryDirectory()
        #expect(fetch(answeredName: "Orders", output: folder.path("deployed"), home: folder.url.path).status == .done)
        let second = fetch(answeredName: "Orders", output: folder.path("deployed"), home: folder.url.path)
        #expect(second.status == .done, "\(second.output.standardError)")
        #expect(try folder.read("deployed/Orders.template.json").contains("Resources"))
    }
}
