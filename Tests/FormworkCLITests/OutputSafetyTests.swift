import Foundation
import FormworkCLI
import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import Testing

/// `--output` never removes or replaces what Formwork did not write (issue #12).
@Suite struct OutputSafetyTests {
    static let app = App { Stack("Orders") { Resource("Queue", type: "AWS::SQS::Queue") } }

    func synth(_ output: String) -> CommandRunner.Result {
        CommandRunner.run(["synth", "--output", output], root: AppCommand.self, app: Self.app)
    }

    func convert(_ template: String, to output: String) -> CommandRunner.Result {
        CommandRunner.run(["convert", template, "--to", "yaml", "--output", output], root: FormworkTool.self)
    }

    func template(in folder: borrowing TemporaryDirectory) throws -> String {
        try folder.write(#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#, to: "template.json")
    }

    @Test func synthIntoAPackageFolderRefusesAndDeletesNothing() throws {
        let folder = try TemporaryDirectory()
        try folder.write("# my project", to: "README.md")
        try FileManager.default.createDirectory(atPath: folder.path("Examples"), withIntermediateDirectories: false)
        let result = synth(folder.url.path)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("not a cloud assembly"))
        #expect(try folder.contents() == ["Examples", "README.md"])
        #expect(try folder.read("README.md") == "# my project")
    }

    @Test func synthIntoAFolderWithAManifestFormworkDidNotWriteRefuses() throws {
        let folder = try TemporaryDirectory()
        // A browser extension's folder: a manifest.json with a string version, like a cloud assembly's.
        try folder.write(#"{"version": "1.0.0", "manifest_version": 3, "name": "extension"}"#, to: "manifest.json")
        try folder.write("console.log(1)", to: "background.js")
        let result = synth(folder.url.path)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("not a cloud assembly Formwork wrote"))
        #expect(try folder.contents() == ["background.js", "manifest.json"])
        #expect(try folder.read("background.js") == "console.log(1)")
    }

    @Test func synthOverAFileOrASymbolicLinkRefuses() throws {
        let folder = try TemporaryDirectory()
        try folder.write("keep", to: "file")
        #expect(synth(folder.path("file")).status == .environment)
        #expect(try folder.read("file") == "keep")
        #expect(synth(folder.path("out")).status == .done)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("out"))
        let result = synth(folder.path("link"))
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("symbolic link"))
    }

    @Test func synthReplacesItsOwnAssemblyAndAnEmptyFolder() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: false)
        #expect(synth(folder.path("out")).status == .done)
        #expect(synth(folder.path("out")).status == .done)
        #expect(try folder.contents() == ["out"])
        #expect(try folder.read("out/Orders.template.json").contains("AWS::SQS::Queue"))
    }

    @Test func aKilledRunsLeftoversAreRestoredOrRemoved() throws {
        let folder = try TemporaryDirectory()
        #expect(synth(folder.path("out")).status == .done)
        // A run (of a process that is gone) killed between moving the old assembly aside and renaming the
        // new one into place, and another killed while staging.
        let deadProcess = 999_999_999
        try FileManager.default.moveItem(atPath: folder.path("out"), toPath: folder.path(".out.old-\(deadProcess)-1"))
        try FileManager.default.createDirectory(atPath: folder.path(".out.tmp-\(deadProcess)-2"), withIntermediateDirectories: false)
        try folder.write("not ours", to: ".out.tmp-notes")
        CloudAssemblyWriter.recoverLeftovers(of: folder.path("out"))
        #expect(try folder.contents() == [".out.tmp-notes", "out"])
        #expect(try folder.read("out/manifest.json").contains("Orders"))
    }

    @Test func convertRefusesAReadOnlyFileASymbolicLinkAndADevice() throws {
        let folder = try TemporaryDirectory()
        let input = try template(in: folder)
        let readOnly = try folder.write("mine", to: "read-only.yaml")
        #expect(chmod(readOnly, 0o444) == 0)
        if geteuid() != 0 {
            #expect(convert(input, to: readOnly).status == .environment)
            #expect(try folder.read("read-only.yaml") == "mine")
        }
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.yaml"), withDestinationPath: readOnly)
        #expect(convert(input, to: folder.path("link.yaml")).status == .environment)
        let device = convert(input, to: "/dev/null")
        #expect(device.status == .environment)
        #expect(device.output.standardError.contains("not a regular file"))
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func convertReplacesAWritableFileKeepingItsMode() throws {
        let folder = try TemporaryDirectory()
        let input = try template(in: folder)
        let output = try folder.write("old", to: "out.yaml")
        #expect(chmod(output, 0o600) == 0)
        #expect(convert(input, to: output).status == .done)
        #expect(try folder.read("out.yaml").hasPrefix("Resources:"))
        var status = stat()
        #expect(stat(output, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try folder.contents() == ["out.yaml", "template.json"])
    }

    @Test(arguments: ["missing", "folder", "fifo"])
    func inputsThatAreNotReadableFilesExitThree(kind: String) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path(kind)
        if kind == "folder" { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        if kind == "fifo" { #expect(mkfifo(path, 0o600) == 0) }
        for arguments in [["validate", path], ["check", path], ["convert", path, "--to", "json"], ["diff", path, path]]
        where !(kind == "folder" && arguments[0] == "diff") {
            let result = CommandRunner.run(arguments, root: FormworkTool.self)
            #expect(result.status == .environment, "\(arguments)")
            #expect(!result.output.standardError.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func subcommandHelpDescribesTheSubcommand() {
        let result = CommandRunner.run(["validate", "--help"], root: FormworkTool.self)
        #expect(result.status == .done)
        #expect(result.output.standardOutput.hasPrefix("OVERVIEW: Check templates against the CloudFormation resource schemas"))
    }
}
