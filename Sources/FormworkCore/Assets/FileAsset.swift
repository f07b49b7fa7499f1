import Foundation
import FormworkTemplate

/// A directory the app deploys as a zip file through the CDK bootstrap bucket, such as a function's code.
///
/// Its hash is CDK's content fingerprint, so the S3 key — and so the template — changes exactly when the
/// content does. `synth` stages the directory as `asset.<hash>/` in the cloud assembly and lists it in
/// `<Stack>.assets.json`, which `cdk deploy` publishes before deploying the stack.
public struct FileAsset: Sendable, Hashable {
    /// The content fingerprint (64 hex digits).
    public let hash: String
    /// The absolute path of the directory.
    public let sourcePath: String
    /// The construct path of what uses it, for the asset manifest's display name.
    public let displayName: String
    /// The bootstrap whose bucket it goes to.
    public var bootstrap: BootstrapNames = .default

    /// The bootstrap assets bucket: `{"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}` for
    /// the default qualifier (``BootstrapNames/assetBucket``).
    public var bucketName: Value { .sub(bootstrap.assetBucket) }

    /// The object key: `<hash>.zip`.
    public var objectKey: String { "\(hash).zip" }

    /// The staged folder's name in the cloud assembly.
    public var stagedName: String { "asset.\(hash)" }

    /// The `Metadata` CDK writes on a resource whose property `property` (`Code`, `Content`) holds this asset, when the
    /// context `aws:cdk:enable-asset-metadata` is on: the staged folder, relative to the template's folder (where SAM CLI
    /// looks for it), and that it was not bundled. Keys in CDK's order.
    public func resourceMetadata(property: String) -> Value {
        ["aws:asset:path": .string(stagedName), "aws:asset:is-bundled": false, "aws:asset:property": .string(property)]
    }
}

extension ConstructScope {
    /// The directory at `path` (relative to the working directory, as in CDK) as an asset of this scope's
    /// stack, listed as `<path below the stack>/<role>` in the asset manifest (CDK: `Fn/Code`).
    ///
    /// - Throws: ``SynthesisError`` naming this construct when the directory does not exist or cannot be read.
    public func directoryAsset(_ path: String, role: String) throws(SynthesisError) -> FileAsset {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SynthesisError(
                .invalidSetting, paths: [self.path],
                "the asset folder '\(path)' does not exist (paths are relative to \(FileManager.default.currentDirectoryPath))")
        }
        let hash: String
        do throws(AssetFolderError) {
            hash = try AssetFingerprint.directory(at: url.path)
        } catch {
            throw SynthesisError(
                error.isEnvironment ? .unreadableAsset : .invalidSetting, paths: [self.path], "cannot use the asset folder '\(path)': \(error)")
        }
        let displayName = (tree.componentsBelowStack(of: node) + [role]).joined(separator: "/")
        let asset = FileAsset(hash: hash, sourcePath: url.path, displayName: displayName, bootstrap: bootstrap)
        tree.addAsset(asset, toStackOf: node)
        return asset
    }

    /// The `Metadata` of the resource this scope declares whose property `property` holds `asset` (CDK's
    /// `aws:asset:*` keys, ``FileAsset/resourceMetadata(property:)``) when the stack's profile writes it
    /// (``DefaultsProfile/writesAssetMetadata``); `nil` for no asset or no metadata.
    public func assetMetadata(_ asset: FileAsset?, property: String) -> Value? {
        guard let asset, defaults.writesAssetMetadata else { return nil }
        return asset.resourceMetadata(property: property)
    }
}
