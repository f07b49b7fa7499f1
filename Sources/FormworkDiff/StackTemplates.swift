import Foundation
import FormworkTemplate
import OrderedCollections

/// The templates to diff, by stack name: from a cloud assembly folder (its `manifest.json`), a folder of
/// `<Stack>.template.json|yaml` files, or a single template file.
public enum StackTemplates {
    /// The templates at `path`. A single file is named after itself (`Orders.template.json` → `Orders`).
    public static func read(_ path: String) throws(TemplateReadError) -> OrderedDictionary<String, Template> {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(file: path, reason: FileSystemError.reason(errno)) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            return [stackName(ofFile: path): try Template.read(contentsOf: path)]
        }
        let folder = URL(fileURLWithPath: path)
        var templates = OrderedDictionary<String, Template>()
        let manifestPath = folder.appendingPathComponent("manifest.json").path
        if FileManager.default.fileExists(atPath: manifestPath) {
            let manifestText = try TemplateFile.text(at: manifestPath)
            let manifest: JSONValue
            do {
                manifest = try JSONReader.parse(manifestText)
            } catch {
                throw .syntax(error.inFile(manifestPath))
            }
            for (name, artifact) in manifest["artifacts"]?.objectValue ?? [:] where artifact["type"] == "aws:cloudformation:stack" {
                guard let file = artifact["properties"]?["templateFile"]?.stringValue else { continue }
                guard !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                    throw .structure(
                        TemplateStructureError(
                            file: manifestPath, path: "artifacts.\(name).properties.templateFile",
                            message: "'\(file)' is outside the assembly folder; a template file is named relative to it"))
                }
                templates[name] = try Template.read(contentsOf: folder.appendingPathComponent(file).path)
            }
            return templates
        }
        // Listing is checked with the system's call first, for a reason in plain words.
        guard let listing = opendir(path) else { throw .unreadable(file: path, reason: FileSystemError.reason(errno)) }
        closedir(listing)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names.sorted() where [".template.json", ".template.yaml", ".template.yml"].contains(where: name.hasSuffix) {
            templates[stackName(ofFile: name)] = try Template.read(contentsOf: folder.appendingPathComponent(name).path)
        }
        return templates
    }

    /// `Orders` of `path/Orders.template.json`.
    static func stackName(ofFile path: String) -> String {
        let file = (path as NSString).lastPathComponent
        for suffix in [".template.json", ".template.yaml", ".template.yml", ".json", ".yaml", ".yml"] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return file
    }
}
