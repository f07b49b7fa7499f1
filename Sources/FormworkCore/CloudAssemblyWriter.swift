import CFormworkFileSystem
import Foundation
import FormworkTemplate
import OrderedCollections

/// Writes a ``CloudAssembly`` as a folder the AWS CDK CLI reads (`cdk ls`, `cdk diff`,
/// `cdk deploy --app DIR`): `manifest.json`, `cdk.out`, one template per stack, and for a stack with assets
/// its asset manifest `<Stack>.assets.json` and the staged `asset.<hash>/` folders.
///
/// The folder is written atomically: everything goes to a temporary sibling folder first, which then takes
/// the destination's place in one swap. A failure leaves the previous output as it was, and a folder that
/// is not a cloud assembly is never replaced.
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

    /// What a cloud assembly folder holds: text files by name, and asset folders to stage.
    public struct Contents: Sendable {
        /// The text files, by file name, in the order they are written.
        public var files: OrderedDictionary<String, String>
        /// The asset folders, each once, copied as `asset.<hash>/`.
        public var assets: [FileAsset]
    }

    /// The contents of the assembly's folder; the stacks' templates are written in parallel.
    public func contents(for assembly: CloudAssembly) throws -> Contents {
        var files = OrderedDictionary<String, String>()
        files["cdk.out"] = JSONWriter(style: .compact).string(from: ["version": .string(Self.schemaVersion)])
        files["manifest.json"] = JSONWriter().string(from: manifest(for: assembly))
        files[OutputPath.assemblyMarkerName] = OutputPath.assemblyMarkerText
        var assets = OrderedDictionary<String, FileAsset>()
        let format = format
        let texts = ConcurrentMap.map(assembly.stacks) { stack in Result { try stack.template.text(in: format) } }
        for (stack, text) in zip(assembly.stacks, texts) {
            files[templateFileName(for: stack.name)] = try text.get()
            if !stack.assets.isEmpty {
                files[Self.assetManifestFileName(for: stack.name)] = JSONWriter().string(
                    from: Self.assetManifest(for: stack.assets, bootstrap: stack.bootstrap))
            }
            for asset in stack.assets where assets[asset.hash] == nil { assets[asset.hash] = asset }
        }
        return Contents(files: files, assets: assets.values.elements)
    }

    /// `<Stack>.assets.json`.
    static func assetManifestFileName(for stack: String) -> String { "\(stack).assets.json" }

    /// A stack's asset manifest: each asset zipped from its staged folder into the bootstrap bucket.
    static func assetManifest(for assets: [FileAsset], bootstrap names: BootstrapNames) -> JSONValue {
        var files = OrderedDictionary<String, JSONValue>()
        for asset in assets {
            files[asset.hash] = [
                "displayName": .string(asset.displayName),
                "source": ["path": .string(asset.stagedName), "packaging": "zip"],
                "destinations": [
                    "current_account-current_region": [
                        "bucketName": .string(names.assetBucket),
                        "objectKey": .string(asset.objectKey),
                        "assumeRoleArn": .string(names.filePublishingRole),
                    ]
                ],
            ]
        }
        return ["version": .string(schemaVersion), "files": .object(files), "dockerImages": [:]]
    }

    /// The `manifest.json` of `assembly`: one `aws:cloudformation:stack` artifact per stack, dependencies
    /// before the stacks that need them.
    public func manifest(for assembly: CloudAssembly) -> JSONValue {
        var artifacts = OrderedDictionary<String, JSONValue>()
        for stack in assembly.stacksInDependencyOrder {
            let names = stack.bootstrap
            let versionParameter: JSONValue = .string(names.versionParameter)
            var properties: OrderedDictionary<String, JSONValue> = ["templateFile": .string(templateFileName(for: stack.name))]
            if stack.terminationProtection { properties["terminationProtection"] = true }
            if !stack.tags.isEmpty { properties["tags"] = .object(stack.tags.mapValues(JSONValue.string)) }
            var dependencies = stack.dependencies
            if !stack.assets.isEmpty {
                // Assets go through the bootstrap bucket, so the stack deploys with the bootstrap roles.
                let assetArtifact = "\(stack.name).assets"
                artifacts[assetArtifact] = [
                    "type": "cdk:asset-manifest",
                    "properties": [
                        "file": .string(Self.assetManifestFileName(for: stack.name)),
                        "requiresBootstrapStackVersion": .number(Double(BootstrapNames.minimumVersionForAssets)),
                        "bootstrapStackVersionSsmParameter": versionParameter,
                    ],
                ]
                properties["assumeRoleArn"] = .string(names.deployRole)
                properties["cloudFormationExecutionRoleArn"] = .string(names.cloudFormationExecutionRole)
                properties["requiresBootstrapStackVersion"] = .number(Double(BootstrapNames.minimumVersionForAssets))
                properties["bootstrapStackVersionSsmParameter"] = versionParameter
                properties["additionalDependencies"] = [.string(assetArtifact)]
                dependencies.insert(assetArtifact, at: 0)
            }
            var artifact: OrderedDictionary<String, JSONValue> = [
                "type": "aws:cloudformation:stack",
                "environment": .string(stack.environment),
                "properties": .object(properties),
            ]
            if !dependencies.isEmpty { artifact["dependencies"] = .array(dependencies.map(JSONValue.string)) }
            artifact["displayName"] = .string(stack.name)
            artifacts[stack.name] = .object(artifact)
        }
        return ["version": .string(Self.schemaVersion), "artifacts": .object(artifacts)]
    }

    /// Writes the assembly to `directory`, replacing what was there only once everything is written.
    public func write(_ assembly: CloudAssembly, to directory: String) throws {
        try write(contents(for: assembly), to: directory)
    }

    /// Creates the file at `path` holding `text`.
    ///
    /// Written with plain POSIX calls: `Data.write(to:)` syncs every file to disk, which costs more than
    /// synthesizing, and the folder's swap is what makes the output appear whole.
    private static func writeFile(_ text: String, to path: String) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        if let failure = FileDescriptorWriting.writeAll(text, to: descriptor) { throw FileWriteError(path: path, code: failure) }
    }

    /// Writes `contents` (from ``contents(for:)``) to `directory`, replacing what was there only once
    /// everything is written. Files are written in parallel.
    ///
    /// `directory` may be missing, an empty folder or a cloud assembly; anything else is refused with an
    /// ``OutputRefusal``, and nothing is written. The new folder takes the old one's place in one atomic swap
    /// where the system has one (Linux, macOS), so that a run killed at any point leaves either the old
    /// assembly or the new one in place; the hidden folders a killed run leaves are cleaned up (or, for a
    /// replaced assembly that was not put back, restored) by the next run.
    public func write(_ contents: Contents, to directory: String) throws {
        let fileManager = FileManager.default
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        Self.recoverLeftovers(of: destination.path)
        let existing = try OutputPath.assemblyDestination(destination.path)
        let staging = StagingName.sibling(of: destination, .staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let files = contents.files.map { (path: staging.appendingPathComponent($0.key).path, text: $0.value) }
            for written in ConcurrentMap.map(files, { file in Result { () throws(FileWriteError) in try Self.writeFile(file.text, to: file.path) } }) {
                try written.get()
            }
            for asset in contents.assets {
                try fileManager.copyItem(at: URL(fileURLWithPath: asset.sourcePath), to: staging.appendingPathComponent(asset.stagedName))
            }
            switch existing {
            case .nothing, .emptyFolder:
                // rename(2) replaces an empty folder in one step, and fails if something appeared meanwhile.
                guard rename(staging.path, destination.path) == 0 else { throw FileWriteError(path: destination.path, code: errno) }
            case .assembly:
                try Self.replace(destination, with: staging)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Puts the assembly at `staging` in place of the one at `destination`, then removes the old one.
    private static func replace(_ destination: URL, with staging: URL) throws {
        if formwork_exchange_paths(staging.path, destination.path) == 0 {
            // The old assembly now sits at the staging path.
            try? FileManager.default.removeItem(at: staging)
            return
        }
        guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP else { throw FileWriteError(path: destination.path, code: errno) }
        // No atomic swap here: two renames, the old folder kept aside until the new one is in place.
        let previous = StagingName.sibling(of: destination, .previous)
        guard rename(destination.path, previous.path) == 0 else { throw FileWriteError(path: destination.path, code: errno) }
        guard rename(staging.path, destination.path) == 0 else {
            let code = errno
            _ = rename(previous.path, destination.path)
            throw FileWriteError(path: destination.path, code: code)
        }
        try? FileManager.default.removeItem(at: previous)
    }

    /// Cleans up after runs that were killed while writing to `directory`: a replaced assembly that was
    /// not put back is restored when `directory` is missing; every other leftover folder is removed. Only
    /// hidden siblings named by Formwork for a process that is gone are touched.
    /// ``write(_:to:)-(CloudAssembly,_)`` does this first.
    public static func recoverLeftovers(of directory: String) {
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        for leftover in StagingName.leftovers(of: destination, fileType: S_IFDIR) {
            if leftover.role == .previous, !FileManager.default.fileExists(atPath: destination.path),
                OutputPath.isFormworkAssembly(leftover.url.path), rename(leftover.url.path, destination.path) == 0
            {
                continue
            }
            try? FileManager.default.removeItem(at: leftover.url)
        }
    }
}
