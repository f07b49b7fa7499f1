import Foundation
import FormworkTemplate
import OrderedCollections

/// Writes a ``CloudAssembly`` as a folder the AWS CDK CLI reads (`cdk ls`, `cdk diff`,
/// `cdk deploy --app DIR`): `manifest.json`, `cdk.out`, and one template per stack.
///
/// The folder is written atomically: everything goes to a temporary sibling folder first, which then
/// replaces the destination in one rename. A failure leaves the previous output as it was.
///
/// ```swift
/// try CloudAssemblyWriter(format: .json).write(assembly, to: "formwork.out")
/// ```
public struct CloudAssemblyWriter: Sendable {
    /// The cloud assembly schema version written to `manifest.json` and `cdk.out`.
    public static let schemaVersion = "36.0.0"

    /// The template format.
    public var format: TemplateFormat

    /// A writer of templates in `format`.
    public init(format: TemplateFormat = .json) {
        self.format = format
    }

    /// The file name of a stack's template: `<Stack>.template.json` or `.template.yaml`.
    public func templateFileName(for stack: String) -> String {
        "\(stack).template.\(format.fileExtension)"
    }

    /// The files of the assembly, by file name, in the order they are written.
    public func files(for assembly: CloudAssembly) throws -> OrderedDictionary<String, String> {
        var files = OrderedDictionary<String, String>()
        files["cdk.out"] = JSONWriter(style: .compact).string(from: ["version": .string(Self.schemaVersion)])
        files["manifest.json"] = JSONWriter().string(from: manifest(for: assembly))
        for stack in assembly.stacks {
            files[templateFileName(for: stack.name)] = try stack.template.text(in: format)
        }
        return files
    }

    /// The `manifest.json` of `assembly`: one `aws:cloudformation:stack` artifact per stack, dependencies
    /// before the stacks that need them.
    public func manifest(for assembly: CloudAssembly) -> JSONValue {
        var artifacts = OrderedDictionary<String, JSONValue>()
        for stack in assembly.stacksInDependencyOrder {
            var properties: OrderedDictionary<String, JSONValue> = ["templateFile": .string(templateFileName(for: stack.name))]
            if stack.terminationProtection { properties["terminationProtection"] = true }
            if !stack.tags.isEmpty { properties["tags"] = .object(stack.tags.mapValues(JSONValue.string)) }
            var artifact: OrderedDictionary<String, JSONValue> = [
                "type": "aws:cloudformation:stack",
                "environment": .string(stack.environment),
                "properties": .object(properties),
            ]
            if !stack.dependencies.isEmpty { artifact["dependencies"] = .array(stack.dependencies.map(JSONValue.string)) }
            artifact["displayName"] = .string(stack.name)
            artifacts[stack.name] = .object(artifact)
        }
        return ["version": .string(Self.schemaVersion), "artifacts": .object(artifacts)]
    }

    /// Writes the assembly to `directory`, replacing what was there only once everything is written.
    public func write(_ assembly: CloudAssembly, to directory: String) throws {
        try write(files(for: assembly), to: directory)
    }

    /// Writes `files` (from ``files(for:)``) to `directory`, replacing what was there only once everything
    /// is written.
    public func write(_ files: OrderedDictionary<String, String>, to directory: String) throws {
        let fileManager = FileManager.default
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(suffix)")
        let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(suffix)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: staging.appendingPathComponent(name))
            }
            let hadPrevious = fileManager.fileExists(atPath: destination.path)
            if hadPrevious { try fileManager.moveItem(at: destination, to: previous) }
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                if hadPrevious { try? fileManager.moveItem(at: previous, to: destination) }
                throw error
            }
            if hadPrevious { try? fileManager.removeItem(at: previous) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }
}
